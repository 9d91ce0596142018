"""What the commands of ``rrma-groups`` share: their messages, their files and their output.

Every command is a function ``run(args, out, err) -> int``: ``out`` is standard output (see
:class:`Output`), ``err`` standard error, and the result the exit status, :data:`EXIT_OK`,
:data:`EXIT_INVALID` (the data is invalid) or :data:`EXIT_USAGE` (a usage error, or a file that
cannot be read or written). A message is a template of the catalog filled in the language the
command was run in (``args.messages_lang``, see :mod:`.language`); in Arabic, file names, codes
and ids stay left-to-right units and each line starts right-to-left.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import sys
from collections.abc import Callable
from io import BytesIO
from pathlib import Path
from typing import Any, BinaryIO, TextIO, cast

from ..errors import FileFormatError, RrmaError, translate
from ..examples import groupe_pays_maroc
from ..i18n.bidi import RLM, isolate_ltr
from ..i18n.catalog import N_
from ..i18n.locales import is_rtl
from ..io import MAX_FILE_SIZE, load, read_stream, write_atomic
from ..messages import WARNING_PREFIX, listing
from ..model import CountryGroup
from ..problems import GroupValidationError, Problem
from ..render.labels import label

__all__ = [
    "EXIT_INVALID",
    "EXIT_OK",
    "EXIT_USAGE",
    "UNREADABLE",
    "Command",
    "Output",
    "OutputError",
    "cannot",
    "discard_output",
    "emit",
    "file_error",
    "lang_of",
    "line_start",
    "meeting_ids",
    "ltr",
    "open_group",
    "output_failed",
    "problem_line",
    "read_stdin",
    "run_command",
    "say",
    "write",
]

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2

Command = Callable[[argparse.Namespace, TextIO, TextIO], int]
"""A command: ``run(args, out, err)``, returning the exit status."""

# A file that cannot be read at all is a usage problem (exit 2); one that can be read but is
# malformed is invalid data (exit 1).
UNREADABLE = frozenset({"unreadable", "unknown_format", "file_too_large", "not_a_file"})


# --- messages --------------------------------------------------------------------------------


def lang_of(args: argparse.Namespace) -> str | None:
    """The language the command was run in (``None``: English)."""
    lang: str | None = getattr(args, "messages_lang", None)
    return lang


def say(lang: str | None, template: str, **params: Any) -> str:
    """One of the command's own messages in ``lang``, filled with ``params`` as the library's
    messages are (fragments translated, texts quoted and lists joined the language's way)."""
    return translate(template, params, lang)


def ltr(text: str, lang: str | None) -> str:
    """``text`` (a file name, a location, a code, ids) kept in order inside an Arabic line.

    In a right-to-left line a path such as ``/tmp/g.toml`` would be laid out with its first
    slash at its end; LRI…PDI makes it one left-to-right unit (see rrma_groups.i18n.bidi).
    """
    return isolate_ltr(text) if lang is not None and is_rtl(lang) else text


def line_start(lang: str | None) -> str:
    """What begins a line of the command in ``lang``: a RIGHT-TO-LEFT MARK in Arabic.

    A terminal that lays text out chooses a line's direction from its first strong character,
    skipping isolates; a message that starts with a quoted Latin value (``'XX' ليس رمز بلد``)
    would make the whole Arabic line left-to-right. RLM says the line is Arabic.
    """
    return RLM if lang is not None and is_rtl(lang) else ""


def problem_line(source: str, problem: Problem, lang: str | None) -> str:
    """``source: [warning: ]location: message [code]``, in ``lang``."""
    kind = "" if problem.is_error else say(lang, WARNING_PREFIX.template)
    where = ltr(problem.location or label("top_level", lang), lang)
    code = ltr(f"[{problem.code}]", lang)
    message = problem.describe(lang)
    return f"{line_start(lang)}{ltr(source, lang)}: {kind}{where}: {message} {code}"


def file_error(exc: FileFormatError, lang: str | None) -> str:
    """``path[:line[:column]]: message``: a file refused before it could be checked, in ``lang``."""
    where = exc.source or "-"
    if exc.line is not None:
        where += f":{exc.line}" + (f":{exc.column}" if exc.column is not None else "")
    return f"{line_start(lang)}{ltr(where, lang)}: {exc.describe(lang)}"


def error_line(exc: RrmaError, lang: str | None) -> str:
    """An error of the library as one message in ``lang``: what its ``describe`` says."""
    if isinstance(exc, FileFormatError):
        return file_error(exc, lang)
    return line_start(lang) + exc.describe(lang)


def meeting_ids(group: CountryGroup, lang: str | None) -> str:
    """The ids of the group's meetings, for a message that asks for one (``none`` if none)."""
    return translate("{ids}", {"ids": listing(m.id for m in group.meetings)}, lang)


def cannot(template: str, path: Path | str, reason: str, lang: str | None) -> str:
    """A file that cannot be read or written: its path, and the system's reason (English)."""
    return line_start(lang) + say(lang, template, path=ltr(str(path), lang), reason=reason)


# --- files -----------------------------------------------------------------------------------


def open_group(file: Path | None, err: TextIO, lang: str | None = None) -> CountryGroup | int:
    """The group of FILE (or the bundled example), or an exit status after saying why."""
    if file is None:
        return groupe_pays_maroc()
    try:
        return load(file)
    except FileFormatError as exc:
        print(file_error(exc, lang), file=err)
        return EXIT_USAGE if exc.code in UNREADABLE else EXIT_INVALID
    except GroupValidationError as exc:
        for problem in exc.errors:
            print(problem_line(str(file), problem, lang), file=err)
        return EXIT_INVALID


def read_stdin() -> bytes:
    """Standard input, up to MAX_FILE_SIZE bytes (FileFormatError beyond)."""
    stdin = sys.stdin
    if stdin is None:  # closed
        raise OSError(errno.EBADF, os.strerror(errno.EBADF), "-")
    buffer = getattr(stdin, "buffer", None)
    if buffer is None:  # a text stream put in its place
        text: str = stdin.read(MAX_FILE_SIZE + 1)
        return read_stream(BytesIO(text.encode("utf-8")))
    return read_stream(buffer)


def emit(text: str, output: Path | None, out: TextIO, err: TextIO, lang: str | None = None) -> int:
    """Write ``text`` to standard output, or to the file ``output``; the exit status."""
    if output is None:
        out.write(text)
        return EXIT_OK
    return write(text.encode("utf-8"), output, err, lang)


def write(data: bytes, output: Path, err: TextIO, lang: str | None = None) -> int:
    """Write ``data`` to the file ``output`` (atomically); the exit status."""
    try:
        write_atomic(output, data)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        print(cannot(N_("{path}: cannot write: {reason}"), output, reason, lang), file=err)
        return EXIT_USAGE
    return EXIT_OK


# --- standard output -------------------------------------------------------------------------


class OutputError(Exception):
    """Standard output could not be written; ``error`` says why."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


class Output:
    """Standard output as the commands write to it, text (``write``) or bytes (``buffer``).

    A failed write raises :class:`OutputError`, told apart from the other ``OSError`` of a
    command (a file that cannot be read or written). A closed standard output is ``None``.
    """

    def __init__(self, stream: TextIO | BinaryIO | None) -> None:
        self._stream = stream

    def write(self, text: Any) -> int:
        if self._stream is None:
            raise OutputError(OSError(errno.EBADF, os.strerror(errno.EBADF)))
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(exc) from None

    def flush(self) -> None:
        if self._stream is None:
            return
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(exc) from None

    @property
    def buffer(self) -> Output | None:
        """The byte stream under the text, if there is one (iCalendar is written as bytes)."""
        if self._stream is None:
            return self
        buffer = getattr(self._stream, "buffer", None)
        return None if buffer is None else Output(buffer)


def run_command(run: Command, args: argparse.Namespace, lang: str | None) -> int:
    """``run(args, stdout, stderr)``, and its exit status; output that cannot be written (a full
    disk, a closed standard output) is said in ``lang`` and gives the status 2."""
    out = Output(sys.stdout)
    try:
        status = run(args, cast(TextIO, out), sys.stderr)
        out.flush()  # here, not at exit, so that a failure is told and changes the status
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader is gone (| head): nothing more to say
        discard_output(sys.stdout)
        return EXIT_OK
    except OutputError as exc:
        return output_failed(exc, lang)
    return status


def output_failed(exc: OutputError, lang: str | None) -> int:
    """Say that standard output cannot be written; the exit status."""
    discard_output(sys.stdout)
    reason = exc.error.strerror or str(exc.error)
    message = say(lang, N_("cannot write to standard output: {reason}"), reason=reason)
    print(line_start(lang) + message, file=sys.stderr)
    return EXIT_USAGE


def discard_output(stream: TextIO | None) -> None:
    """Send what is left of standard output to the null device.

    Python writes out what stdout still holds when it exits; on a full disk or a closed pipe
    that fails again, and it prints the failure as an "Exception ignored" notice. Only the
    process's own standard output is redirected, not a stream put in its place.
    """
    own = sys.__stdout__
    if stream is None or own is None or stream is not own:
        return
    with contextlib.suppress(OSError, ValueError):
        null = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(null, own.fileno())
        finally:
            os.close(null)
