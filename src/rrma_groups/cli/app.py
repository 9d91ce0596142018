"""The ``rrma-groups`` command.

Exit status: 0 when all went well (warnings allowed), 1 when the data is invalid, 2 for a usage
error or a file that cannot be read. Bad input never shows a traceback.

The command speaks French, Arabic or English: its help, its own messages and the errors and
warnings it reports. The language is the ``--lang`` of the command line when it is one of
these, else ``RRMA_GROUPS_LANG``, else the locale's (``LC_ALL``, ``LC_MESSAGES``, ``LANG``, the
first one set), else English. Codes (``[no_facilitator]``), option names, file names and exit
statuses are the same in every language. The programme that ``render`` writes is in its own
``--lang`` (default: the group's language), whatever the environment says.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import errno
import json
import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from io import BytesIO
from pathlib import Path
from typing import Any, BinaryIO, TextIO, cast

from .. import __version__
from ..checks import check
from ..errors import (
    FileFormatError,
    GroupValidationError,
    LocaleError,
    Problem,
    RrmaError,
    Severity,
    render_template,
)
from ..examples import groupe_pays_maroc
from ..i18n.bidi import RLM, isolate_ltr
from ..i18n.catalog import N_, translator
from ..i18n.formatting import format_list, format_number
from ..i18n.locales import SUPPORTED_LANGUAGES, is_rtl, normalize_locale
from ..io.files import (
    MAX_FILE_SIZE,
    dumps,
    json_schema,
    load,
    read_limited,
    read_stream,
    write_atomic,
)
from ..messages import MESSAGES, describe
from ..model import CountryGroup
from ..render import render
from ..render.labels import enum_label, label, plural
from . import new as starter
from .activity import add_parsers as add_activity_parsers

# The calendar, JSON-LD, PDF and table modules are imported by the commands that use them, so
# that starting the command stays quick.

__all__ = ["LANGUAGE_VARIABLE", "command_language", "environment_language", "main"]

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2

LANGUAGE_VARIABLE = "RRMA_GROUPS_LANG"
"""The environment variable that chooses the command's language, before the locale's."""

# The POSIX order: LC_ALL overrides LC_MESSAGES, which overrides LANG.
_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


# --- the command's language ------------------------------------------------------------------
# A language is carried as a locale code ("fr", "fr_FR", "ar_MA") or None for English: English
# is the language of the message ids, and with None the messages are exactly the English ones
# the library writes (times as 14:00, dates as 2016-11-04), the same as before there was a
# choice.


def _speaks(code: str) -> str | None:
    """``code`` as the command's language: a locale of fr or ar, ``None`` for English.

    :raises LocaleError: the code is malformed, or its language is not one the command speaks.
    """
    locale = normalize_locale(code)
    language = locale.partition("_")[0]
    if language not in SUPPORTED_LANGUAGES:
        raise LocaleError(code, SUPPORTED_LANGUAGES)
    return None if language == "en" else locale


def environment_language(environ: Mapping[str, str] | None = None) -> str | None:
    """The command's language by default: ``RRMA_GROUPS_LANG``, else the locale's, else English.

    The locale is the first of ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` that is set, as for
    any program: ``fr_FR.UTF-8`` gives French; ``de_DE.UTF-8``, ``C`` or ``POSIX`` English.
    A ``RRMA_GROUPS_LANG`` that the command does not speak is passed over.

    >>> environment_language({"LANG": "fr_FR.UTF-8"})
    'fr_FR'
    >>> environment_language({"RRMA_GROUPS_LANG": "ar-MA", "LANG": "fr_FR.UTF-8"})
    'ar_MA'
    >>> environment_language({"LC_ALL": "C.UTF-8", "LANG": "fr_FR.UTF-8"}) is None
    True
    """
    if environ is None:
        environ = os.environ
    own = environ.get(LANGUAGE_VARIABLE, "")
    if own:
        try:
            return _speaks(own)
        except LocaleError:
            pass
    for name in _LOCALE_VARIABLES:
        value = environ.get(name, "")
        if value:
            try:
                return _speaks(value)
            except LocaleError:
                return None
    return None


def command_language(argv: Sequence[str], environ: Mapping[str, str] | None = None) -> str | None:
    """The language of a command line: its ``--lang`` if the command speaks it, else the
    environment's (:func:`environment_language`).

    The arguments are scanned before they are parsed, so that the help and argparse's own
    messages are in that language too.

    >>> command_language(["validate", "--lang", "ar", "g.toml"], {})
    'ar'
    >>> command_language(["render", "-l", "zgh"], {"LANG": "fr_FR.UTF-8"})
    'fr_FR'
    """
    asked = _lang_argument(argv)
    if asked is not None:
        try:
            return _speaks(asked)
        except LocaleError:
            pass  # validate says so; render formats the programme for any locale
    return environment_language(environ)


def _lang_argument(argv: Sequence[str]) -> str | None:
    """The last value given to ``--lang`` or ``-l`` (as argparse keeps the last one)."""
    found = None
    arguments = iter(argv)
    for argument in arguments:
        if argument == "--":
            break
        if argument in ("--lang", "-l"):
            found = next(arguments, None)
        elif argument.startswith("--lang="):
            found = argument.removeprefix("--lang=")
        elif argument.startswith("-l") and len(argument) > 2:
            found = argument[2:].removeprefix("=")
    return found


def _lang_of(args: argparse.Namespace) -> str | None:
    """The language the command was run in (see :func:`main`)."""
    lang: str | None = getattr(args, "messages_lang", None)
    return lang


def _say(lang: str | None, template: str, **params: Any) -> str:
    """One of the command's own messages in ``lang``, filled with ``params``."""
    return render_template(translator(lang).gettext(template), params)


def _ltr(text: str, lang: str | None) -> str:
    """``text`` (a file name, a location, a code, ids) kept in order inside an Arabic line.

    In a right-to-left line a path such as ``/tmp/g.toml`` would be laid out with its first
    slash at its end; LRI…PDI makes it one left-to-right unit (see rrma_groups.i18n.bidi).
    """
    return isolate_ltr(text) if lang is not None and is_rtl(lang) else text


def _line_start(lang: str | None) -> str:
    """What begins a line of the command in ``lang``: a RIGHT-TO-LEFT MARK in Arabic.

    A terminal that lays text out chooses a line's direction from its first strong character,
    skipping isolates; a message that starts with a quoted Latin value (``'XX' ليس رمز بلد``)
    would make the whole Arabic line left-to-right. RLM says the line is Arabic.
    """
    return RLM if lang is not None and is_rtl(lang) else ""


def _problem_line(source: str, problem: Problem, lang: str | None) -> str:
    """``source: [warning: ]location: message [code]``, in ``lang``."""
    kind = "" if problem.is_error else f"{enum_label(Severity.WARNING, lang)}: "
    where = _ltr(problem.location or label("top_level", lang), lang)
    code = _ltr(f"[{problem.code}]", lang)
    message = describe(problem, lang)
    return f"{_line_start(lang)}{_ltr(source, lang)}: {kind}{where}: {message} {code}"


@contextlib.contextmanager
def _argparse_speaks(lang: str | None) -> Iterator[None]:
    """argparse's own words ("usage:", "options", "error:") in ``lang``, for one command.

    argparse translates them with gettext's "argparse" domain, for which Python ships no
    catalog; ours holds the few our help and usage errors show (``_ARGPARSE_WORDS``), and any
    other stays English. argparse looks its ``_`` up in its module at each call, so replacing it
    while the parser is built (section titles, -h's help) and used (usage, errors) is enough.
    """
    original: Callable[[str], str] | None = getattr(argparse, "_", None)
    if lang is None or original is None:
        yield
        return
    gettext = translator(lang).gettext
    english = original

    def translate(message: str) -> str:
        if not message:
            return message
        translated = gettext(message)
        return translated if translated != message else english(message)

    setattr(argparse, "_", translate)  # noqa: B010 - typeshed does not declare argparse._
    try:
        yield
    finally:
        setattr(argparse, "_", original)  # noqa: B010


# argparse's words, as Python 3.11–3.13 write them: marked here so that they are extracted into
# our catalog; _argparse_speaks() looks them up there.
_ARGPARSE_WORDS = (
    # TRANSLATORS: argparse's words. Keep %(name)s and %s as they are,
    # the space that ends "usage: " and the line break that ends "error:".
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("unrecognized arguments: %s"),
    N_("expected one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
)


# --- the parser ------------------------------------------------------------------------------


def _parser(lang: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser, its help in ``lang`` (``None``: English)."""
    _ = translator(lang).gettext
    parser = _ArgumentParser(
        prog="rrma-groups",
        description=_(
            "Country groups of regional multi-actor networks: validate group files, "
            "render their programmes and calendars, print their JSON Schema."
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"rrma-groups {__version__}",
        help=_("show the version number and exit"),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    def language_option(value: str) -> str | None:
        try:
            return _speaks(value)
        except LocaleError:
            raise argparse.ArgumentTypeError(
                _say(
                    lang,
                    N_("unknown language {value!r}; choose one of: {supported}"),
                    value=value,
                    supported=", ".join(SUPPORTED_LANGUAGES),
                )
            ) from None

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
        type=language_option,
        help=_(
            "language of the messages: fr, ar or en (default: RRMA_GROUPS_LANG, else the "
            "locale's, else English)"
        ),
    )
    validate.set_defaults(run=_validate)

    render = commands.add_parser(
        "render",
        help=_("write a programme as text, Markdown, HTML, PDF, JSON or schema.org JSON-LD"),
        description=_(
            "Render a group's programme. Without FILE, the bundled Groupe Pays Maroc example. "
            "PDF (one meeting, A4) needs the pdf extra: pip install 'rrma-groups[pdf]'."
        ),
    )
    render.add_argument("file", nargs="?", metavar="FILE", type=Path)
    render.add_argument("--lang", "-l", default=None, help=_("language: fr, ar, ar-MA, en, ..."))
    render.add_argument(
        "--format", "-f", default="text", choices=RENDER_FORMATS, help=_("output format")
    )
    render.add_argument("--meeting", "-m", default=None, metavar="ID", help=_("only this meeting"))
    render.add_argument(
        "--fragment",
        action="store_true",
        help=_("HTML to embed in a page, not a whole page (JSON-LD: its <script> element)"),
    )
    render.add_argument(
        "-o",
        "--output",
        type=Path,
        help=_("write to this file (atomically); required for pdf"),
    )
    render.set_defaults(run=_render)

    ics = commands.add_parser(
        "ics",
        help=_("write meetings as an iCalendar file for calendar applications"),
        description=_(
            "Write a group's meetings as an iCalendar (.ics) file. Without FILE, the bundled "
            "Groupe Pays Maroc example. Set SOURCE_DATE_EPOCH for reproducible output."
        ),
    )
    ics.add_argument("file", nargs="?", metavar="FILE", type=Path)
    ics.add_argument("--lang", "-l", default=None, help=_("language: fr, ar, ar-MA, en, ..."))
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
    ics.set_defaults(run=_ics)

    new = commands.add_parser("new", help=_(starter.HELP), description=_(starter.DESCRIPTION))
    starter.add_arguments(new, lang)
    new.set_defaults(run=starter.run)

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
    imported.set_defaults(run=_import_agenda)

    add_activity_parsers(commands, lang)

    schema = commands.add_parser(
        "schema",
        help=_("print the JSON Schema of group files"),
        description=_("Print the JSON Schema (draft 2020-12) of group files."),
    )
    schema.add_argument("-o", "--output", type=Path, help=_("write to this file instead"))
    schema.set_defaults(run=_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    for stream in (sys.stdout, sys.stderr):
        # A terminal that cannot show "é" or Arabic must not turn a message into a traceback.
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    arguments = sys.argv[1:] if argv is None else list(argv)
    lang = command_language(arguments)
    with _argparse_speaks(lang):
        args = _parse_arguments(_parser(lang), arguments, lang)
    args.messages_lang = lang
    return _run_command(args.run, args, lang)


class _ArgumentParser(argparse.ArgumentParser):
    """argparse's parser, except that help or a version that cannot be written to standard
    output is an error (argparse passes over it in silence)."""

    def _print_message(self, message: str, file: Any = None) -> None:
        if message and file is not None and file is sys.stdout:
            _Output(file).write(message)
        else:
            super()._print_message(message, file)


def _parse_arguments(
    parser: argparse.ArgumentParser, arguments: Sequence[str], lang: str | None
) -> argparse.Namespace:
    """``parser.parse_args(arguments)``. Help or a version that cannot be written to standard
    output is said, and ends with the status 2, as for a command's output."""
    try:
        return parser.parse_args(arguments)
    except BrokenPipeError:
        _discard_output(sys.stdout)
        raise SystemExit(EXIT_OK) from None
    except _OutputError as exc:
        raise SystemExit(_output_failed(exc, lang)) from None
    except SystemExit as done:
        if done.code in (0, None) and _run_command(_nothing, argparse.Namespace(), lang):
            raise SystemExit(EXIT_USAGE) from None
        raise


def _nothing(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    return EXIT_OK


_Command = Callable[[argparse.Namespace, TextIO, TextIO], int]


def _run_command(run: _Command, args: argparse.Namespace, lang: str | None) -> int:
    """``run(args, stdout, stderr)``, and its exit status; output that cannot be written (a full
    disk, a closed standard output) is said in ``lang`` and gives the status 2."""
    out = _Output(sys.stdout)
    try:
        status = run(args, cast(TextIO, out), sys.stderr)
        out.flush()  # here, not at exit, so that a failure is told and changes the status
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader is gone (| head): nothing more to say
        _discard_output(sys.stdout)
        return EXIT_OK
    except _OutputError as exc:
        return _output_failed(exc, lang)
    return status


def _output_failed(exc: _OutputError, lang: str | None) -> int:
    """Say that standard output cannot be written; the exit status."""
    _discard_output(sys.stdout)
    reason = exc.error.strerror or str(exc.error)
    message = _say(lang, N_("cannot write to standard output: {reason}"), reason=reason)
    print(_line_start(lang) + message, file=sys.stderr)
    return EXIT_USAGE


class _OutputError(Exception):
    """Standard output could not be written; ``error`` says why."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


class _Output:
    """Standard output as the commands write to it, text (``write``) or bytes (``buffer``).

    A failed write raises :class:`_OutputError`, told apart from the other ``OSError`` of a
    command (a file that cannot be read or written). A closed standard output is ``None``.
    """

    def __init__(self, stream: TextIO | BinaryIO | None) -> None:
        self._stream = stream

    def write(self, text: Any) -> int:
        if self._stream is None:
            raise _OutputError(OSError(errno.EBADF, os.strerror(errno.EBADF)))
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise _OutputError(exc) from None

    def flush(self) -> None:
        if self._stream is None:
            return
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise _OutputError(exc) from None

    @property
    def buffer(self) -> _Output | None:
        """The byte stream under the text, if there is one (iCalendar is written as bytes)."""
        if self._stream is None:
            return self
        buffer = getattr(self._stream, "buffer", None)
        return None if buffer is None else _Output(buffer)


def _discard_output(stream: TextIO | None) -> None:
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


def _validate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    lang = _lang_of(args)
    status = EXIT_OK
    for path in args.files:
        name = str(path)
        try:
            group = load(path)
        except FileFormatError as exc:
            print(_file_error(exc, lang), file=err)
            status = max(status, EXIT_INVALID if exc.code not in _UNREADABLE else EXIT_USAGE)
            continue
        except GroupValidationError as exc:
            errors, warnings = exc.errors, exc.warnings
            status = max(status, EXIT_INVALID)
        else:
            errors, warnings = (), check(group).warnings
        for problem in errors:
            print(_problem_line(name, problem, lang), file=out)
        if not args.quiet:
            for problem in warnings:
                print(_problem_line(name, problem, lang), file=out)
        print(_summary(name, len(errors), len(warnings), lang), file=out)
    return status


def _summary(source: str, errors: int, warnings: int, lang: str | None) -> str:
    """``source: valid (1 warning)``, ``source: invalid (2 errors and 1 warning)``."""
    counts = []
    if errors:
        counts.append(plural("errors", errors, lang))
    if warnings:
        counts.append(plural("warnings", warnings, lang))
    verdict = label("invalid" if errors else "valid", lang)
    if counts:
        verdict += f" ({format_list(counts, lang or 'en')})"
    return f"{_line_start(lang)}{_ltr(source, lang)}: {verdict}"


# A file that cannot be read at all is a usage problem (exit 2); one that can be read but is
# malformed is invalid data (exit 1).
_UNREADABLE = {"unreadable", "unknown_format", "file_too_large", "not_a_file"}


def _file_error(exc: FileFormatError, lang: str | None) -> str:
    """``path[:line[:column]]: message``: a file refused before it could be checked.

    The messages of the registry (a file too large, not a file) are given in ``lang``; a
    syntax error keeps the parser's English words.
    """
    if lang is None or exc.code not in MESSAGES:
        return f"{exc}"
    params = {k: format_number(v, lang) if type(v) is int else v for k, v in exc.params.items()}
    message = describe(Problem(exc.code, (), MESSAGES[exc.code], params), lang)
    where = exc.source or "-"
    if exc.line is not None:
        where += f":{exc.line}" + (f":{exc.column}" if exc.column is not None else "")
    return f"{_line_start(lang)}{_ltr(where, lang)}: {message}"


RENDER_FORMATS = ("text", "markdown", "html", "pdf", "json", "jsonld")


def _open_group(file: Path | None, err: TextIO, lang: str | None = None) -> CountryGroup | int:
    """The group of FILE (or the bundled example), or an exit status after saying why."""
    if file is None:
        return groupe_pays_maroc()
    try:
        return load(file)
    except FileFormatError as exc:
        print(_file_error(exc, lang), file=err)
        return EXIT_USAGE if exc.code in _UNREADABLE else EXIT_INVALID
    except GroupValidationError as exc:
        for problem in exc.errors:
            print(_problem_line(str(file), problem, lang), file=err)
        return EXIT_INVALID


def _no_meeting(meeting: str | None, group: CountryGroup, lang: str | None) -> str:
    """The message for a --meeting that the group does not have."""
    # TRANSLATORS: in place of the list of a group's meetings, when it has none.
    known = ", ".join(m.id for m in group.meetings) or _say(lang, N_("none"))
    return _line_start(lang) + _say(
        lang,
        N_("no meeting {meeting!r}; the group has: {known}"),
        meeting=meeting,
        known=_ltr(known, lang),
    )


def _render(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    lang = _lang_of(args)
    if args.format == "pdf" and args.output is None:
        print(_say(lang, N_("--format pdf writes a binary file: add -o FILE")), file=err)
        return EXIT_USAGE
    group = _open_group(args.file, err, lang)
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
            from ..export.jsonld import jsonld_script, to_jsonld

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
        print(_no_meeting(args.meeting, group, lang), file=err)
        return EXIT_USAGE
    except RrmaError as exc:
        print(f"{exc}", file=err)
        return EXIT_USAGE
    return _emit(text, args.output, out, err, lang)


def _render_pdf(group: CountryGroup, args: argparse.Namespace, err: TextIO) -> int:
    """One meeting (--meeting, else the first) as an A4 PDF, written to -o."""
    from ..export.pdf import to_pdf

    try:
        data = to_pdf(group, args.lang, meeting=args.meeting)
    except RrmaError as exc:  # no PDF engine or fonts, unknown meeting or language
        print(f"{exc}", file=err)
        return EXIT_USAGE
    return _write(data, args.output, err, _lang_of(args))


def _ics(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..export.ical import MESSAGES as ICAL_MESSAGES
    from ..export.ical import IcalError, to_ical

    lang = _lang_of(args)
    group = _open_group(args.file, err, lang)
    if isinstance(group, int):
        return group
    previous = None
    if args.previous is not None:
        try:
            previous = read_limited(args.previous)
        except FileFormatError as exc:
            print(_file_error(exc, lang), file=err)
            return EXIT_USAGE
        except OSError as exc:
            reason = exc.strerror or str(exc)
            print(
                _cannot(N_("{path}: cannot read: {reason}"), args.previous, reason, lang), file=err
            )
            return EXIT_USAGE
    stamp = _source_date(lang)
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
        reason = exc.reason
        if lang is not None and exc.code in ICAL_MESSAGES:
            reason = describe(Problem(exc.code, (), ICAL_MESSAGES[exc.code], exc.params), lang)
        print(f"{_line_start(lang)}{_ltr(where, lang)}: {reason}", file=err)
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
    return _write(data, args.output, err, lang)


def _source_date(lang: str | None = None) -> dt.datetime | str | None:
    """The reproducible-builds timestamp, if set (https://reproducible-builds.org/specs/).

    A value that is not a timestamp gives the message that says so.
    """
    value = os.environ.get("SOURCE_DATE_EPOCH")
    if not value:
        return None
    try:
        return dt.datetime.fromtimestamp(int(value), dt.UTC)
    except (ValueError, OverflowError, OSError):
        return _line_start(lang) + _say(
            lang,
            N_("{variable} is not a number of seconds since 1970"),
            variable=_ltr(f"SOURCE_DATE_EPOCH={value!r}", lang),
        )


def _import_agenda(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    import tomli_w

    from ..parsing.tables import markdown_table, parse_table

    lang = _lang_of(args)
    name = str(args.file)
    try:
        raw = _read_stdin() if name == "-" else read_limited(args.file)
        text = raw.decode("utf-8-sig")
    except FileFormatError as exc:
        print(_file_error(exc, lang), file=err)
        return EXIT_USAGE
    except (OSError, UnicodeDecodeError) as exc:
        print(_cannot(N_("{path}: cannot read: {reason}"), name, str(exc), lang), file=err)
        return EXIT_USAGE
    group = None
    if args.group is not None:
        opened = _open_group(args.group, err, lang)
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
    for found in result.problems:
        problem = Problem(found.code, (), found.template, found.params, severity=found.severity)
        kind = "" if found.is_error else f"{enum_label(Severity.WARNING, lang)}: "
        message = found.message if lang is None else describe(problem, lang)
        code = _ltr(f"[{found.code}]", lang)
        where = _ltr(f"{name}:{found.line}", lang)
        print(f"{_line_start(lang)}{where}: {kind}{message} {code}", file=err)
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
    return _emit(output, args.output, out, err, lang)


def _read_stdin() -> bytes:
    """Standard input, up to MAX_FILE_SIZE bytes (FileFormatError beyond)."""
    stdin = sys.stdin
    if stdin is None:  # closed
        raise OSError(errno.EBADF, os.strerror(errno.EBADF), "-")
    buffer = getattr(stdin, "buffer", None)
    if buffer is None:  # a text stream put in its place
        text: str = stdin.read(MAX_FILE_SIZE + 1)
        return read_stream(BytesIO(text.encode("utf-8")))
    return read_stream(buffer)


def _schema(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    text = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    return _emit(text, args.output, out, err, _lang_of(args))


def _emit(text: str, output: Path | None, out: TextIO, err: TextIO, lang: str | None = None) -> int:
    if output is None:
        out.write(text)
        return EXIT_OK
    return _write(text.encode("utf-8"), output, err, lang)


def _write(data: bytes, output: Path, err: TextIO, lang: str | None = None) -> int:
    try:
        write_atomic(output, data)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        print(_cannot(N_("{path}: cannot write: {reason}"), output, reason, lang), file=err)
        return EXIT_USAGE
    return EXIT_OK


def _cannot(template: str, path: Path | str, reason: str, lang: str | None) -> str:
    """A file that cannot be read or written: its path, and the system's reason (English)."""
    return _line_start(lang) + _say(lang, template, path=_ltr(str(path), lang), reason=reason)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
