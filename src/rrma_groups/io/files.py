"""Group files: load and save groups as TOML or JSON.

Files are read with a bound and saved atomically (:mod:`.safe`); the JSON Schema of the format
is in :mod:`.schema`.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

import tomli_w
from pydantic import ValidationError

from ..checks import check
from ..errors import FileFormatError
from ..i18n.catalog import N_
from ..messages import Msg
from ..model import SCHEMA_VERSION, CountryGroup
from ..model.shortcuts import shortcut_validate, shortcut_validate_json
from ..problems import GroupValidationError, problem
from ..pydantic_bridge import problems_from_pydantic
from .safe import read_limited, write_atomic
from .syntax import parser_reason

__all__ = [
    "Format",
    "dump",
    "dumps",
    "load",
    "loads",
    "parse",
    "to_data",
]

Format = Literal["toml", "json"]

_SUFFIXES: dict[str, Format] = {".toml": "toml", ".json": "json"}


# --- reading ------------------------------------------------------------------------------


def load(path: str | os.PathLike[str], format: Format | None = None) -> CountryGroup:
    """Read, validate and check a group file (``.toml`` or ``.json``).

    Raises :class:`FileFormatError` when the file cannot be read or parsed (a named pipe or a
    device is refused with the code ``not_a_file``, a file over
    :data:`~rrma_groups.io.safe.MAX_FILE_SIZE` bytes
    with ``file_too_large``), and :class:`GroupValidationError` (with every error found) when
    its content is invalid. Warnings do not stop loading: see :func:`rrma_groups.check`.
    """
    file = Path(path)
    fmt = format or _format_of(file)
    source = str(path)
    try:
        raw = read_limited(file)
    except IsADirectoryError:
        raise FileFormatError("unreadable", source=source, wording="folder") from None
    except FileNotFoundError:
        raise FileFormatError("unreadable", source=source, wording="missing") from None
    except OSError as exc:
        raise FileFormatError(
            "unreadable", source=source, reason=exc.strerror or str(exc)
        ) from None
    if fmt == "json":
        group = _load_json_quickly(raw, source)
        if group is not None:
            return group
    return loads(_decode(raw, source), fmt, source=source)


def loads(text: str | bytes, format: Format = "toml", *, source: str | None = None) -> CountryGroup:
    """Validate and check a group given as TOML or JSON text."""
    if format == "json":
        try:
            raw = text if isinstance(text, bytes) else text.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: parse() says where
            pass
        else:
            group = _load_json_quickly(raw, source)
            if group is not None:
                return group
    if isinstance(text, bytes):
        text = _decode(text, source)
    data = parse(text, format, source=source)
    return _build(data, source, shortcuts=len(text) >= _SHORTCUTS_FROM)


# --- the quick way for JSON ---------------------------------------------------------------
# Most files are valid. They are read by jiter (the JSON parser of pydantic, in Rust) and
# validated through the models' shortcuts (see model.shortcuts), which is several times
# quicker than json plus the models' Python checks. jiter refuses what parse() refuses: a key
# given twice, NaN and Infinity, half of a surrogate pair, invalid UTF-8, a number of more than
# 4300 digits; but its messages are its own. So the quick way only ever accepts: a file that
# it refuses, or that the shortcuts refuse, is read again the full way, whose errors (with
# their lines, columns and locations) are the ones reported.

_PARSED_DATA_KEPT_BELOW = 1 << 20
"""Size in bytes from which a JSON file is validated from its text, not from jiter's data."""

_SHORTCUTS_FROM = 64 * 1024
"""Size (in characters or bytes) from which a file is validated through the shortcuts.

Their validator is built once in a process, from the model's schema (some 7 ms): a file of a
few dozen items, such as the bundled examples, is validated as soon by the model alone, and a
command that reads one small file would pay for the building and gain nothing."""

_JITER_MAX_DIGITS = 4300
"""The longest integer jiter reads (Python's default limit, sys.get_int_max_str_digits)."""


def _load_json_quickly(raw: bytes, source: str | None) -> CountryGroup | None:
    """The group in ``raw``, validated and checked; None when the full way must decide."""
    limit = sys.get_int_max_str_digits()
    if 0 < limit < _JITER_MAX_DIGITS:
        return None  # json refuses integers that jiter reads
    try:
        from jiter import from_json

        data = from_json(raw, allow_inf_nan=False, catch_duplicate_keys=True)
    except Exception:  # whatever jiter refuses, parse() refuses in its words
        return None
    if not isinstance(data, dict) or _version_problem(data) is not None:
        return None
    group: CountryGroup | None
    if len(raw) < _SHORTCUTS_FROM:
        try:
            group = CountryGroup.model_validate(data)
        except (ValueError, RecursionError):  # the full way reports it, located by line
            return None
    elif len(raw) < _PARSED_DATA_KEPT_BELOW:
        group = shortcut_validate(CountryGroup, data)
    else:
        # A large file is read a second time, by pydantic-core: its data in Python (a
        # quarter of the group's size again) would stay in memory beside the group it makes.
        del data
        group = shortcut_validate_json(CountryGroup, raw)
    if group is None:
        return None
    return _checked(group, source)


def parse(text: str, format: Format = "toml", *, source: str | None = None) -> dict[str, Any]:
    """Parse TOML or JSON text into plain data, with syntax errors located by line and column."""
    if format not in ("toml", "json"):
        raise FileFormatError("unknown_format", source=source, value=format)
    if not text.strip():
        raise FileFormatError("empty_file", source=source)
    if format == "toml":
        _refuse_long_dotted_keys(text, source)
        try:
            data: Any = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            line, column, message = _toml_position(exc, text)
            raise FileFormatError(
                source=source,
                line=line,
                column=column,
                format="TOML",
                reason=parser_reason(message),
            ) from None
        except RecursionError:
            # tomllib recurses a few frames per nested array or inline table: some hundreds of
            # levels exhaust the stack. JSON gets the same treatment below.
            raise FileFormatError(source=source, wording="nested", format="TOML") from None
        except ValueError as exc:  # see _too_many_digits
            raise _too_many_digits(exc, text, "TOML", source) from None
    else:
        try:
            data = json.loads(text, object_pairs_hook=_json_object, parse_constant=_json_constant)
        except json.JSONDecodeError as exc:
            raise FileFormatError(
                source=source,
                line=exc.lineno,
                column=exc.colno,
                format="JSON",
                reason=parser_reason(exc.msg),
            ) from None
        except _JsonRefused as exc:
            line, column = _line_column(text, exc.locate(text))
            raise FileFormatError(
                source=source, line=line, column=column, wording=exc.wording, **exc.params
            ) from None
        except RecursionError:
            raise FileFormatError(source=source, wording="nested", format="JSON") from None
        except ValueError as exc:  # see _too_many_digits
            raise _too_many_digits(exc, text, "JSON", source) from None
    _refuse_lone_surrogates(text, format, source)
    if not isinstance(data, dict):
        raise FileFormatError("not_a_table", source=source, type=_kind_of(data))
    return data


def _kind_of(data: Any) -> Msg | str:
    """What a document holds instead of a table, in words ("a list"), for the message."""
    kinds = {list: N_("a list"), str: N_("a text"), bool: N_("true or false")}
    kinds |= {int: N_("a number"), float: N_("a number"), type(None): N_("nothing")}
    kind = kinds.get(type(data))
    return Msg(kind) if kind is not None else type(data).__name__


# Most parts a dotted TOML key may have (``network.name.fr`` has three).
_MAX_KEY_PARTS = 64

_KEY_PART = re.compile(r"""[ \t]*(?:[A-Za-z0-9_-]+|"[^"\\\n]*"|'[^'\n]*')[ \t]*""")


def _refuse_long_dotted_keys(text: str, source: str | None) -> None:
    """Refuse a key of more than _MAX_KEY_PARTS parts (``a.a.a...a = 1``) before tomllib sees
    it: tomllib takes a time that grows with the square of the number of parts (50,000 parts,
    300 KB, took 40 seconds), and no group file needs more than a handful."""
    if text.count(".") < _MAX_KEY_PARTS:
        return
    for number, line in enumerate(text.split("\n"), start=1):
        head, equals, _ = line.partition("=")
        if not equals or head.count(".") < _MAX_KEY_PARTS:
            continue
        if all(_KEY_PART.fullmatch(part) for part in head.split(".")):  # a key, not prose
            raise FileFormatError(
                source=source, line=number, column=1, wording="key_parts", max=_MAX_KEY_PARTS
            )


def _version_problem(data: dict[str, Any]) -> Any:
    """The problem with the data's ``schema_version``, or None."""
    version = data.get("schema_version", SCHEMA_VERSION)
    # True == 1 and 1.0 == 1 in Python (and pydantic's Literal[1] takes them): insist on the int.
    if type(version) is not int or version != SCHEMA_VERSION:
        return problem("schema_version", ("schema_version",), version, supported=SCHEMA_VERSION)
    return None


def _build(data: dict[str, Any], source: str | None, *, shortcuts: bool = True) -> CountryGroup:
    wrong_version = _version_problem(data)
    if wrong_version is not None:
        raise GroupValidationError([wrong_version], source=source)
    try:
        # The shortcuts first (see model.shortcuts): they give the same group, sooner, or
        # nothing, and then the model's validation says what is wrong.
        group = shortcut_validate(CountryGroup, data) if shortcuts else None
        if group is None:
            group = CountryGroup.model_validate(data)
    except ValidationError as exc:
        raise GroupValidationError(
            problems_from_pydantic(exc, CountryGroup), source=source
        ) from None
    except RecursionError:
        raise FileFormatError(source=source, wording="data") from None
    return _checked(group, source)


def _checked(group: CountryGroup, source: str | None) -> CountryGroup:
    """The group, once checked; raises when the checks find errors."""
    try:
        # Unbalanced isolates are only warnings, which a valid group's load leaves out: every
        # text is looked at only when an error is raised, whose warnings list them too.
        report = check(group, isolates=False)
        if report.errors:
            report = check(group)
    except ValidationError as exc:  # a series' meetings are validated as they are made
        raise GroupValidationError(
            problems_from_pydantic(exc, CountryGroup), source=source
        ) from None
    except RecursionError:
        raise FileFormatError(source=source, wording="data") from None
    report.raise_for_errors(source)
    return group


def _format_of(path: Path) -> Format:
    fmt = _SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        if not path.suffix:
            raise FileFormatError("unknown_format", source=str(path), wording="no_suffix")
        raise FileFormatError(
            "unknown_format", source=str(path), wording="suffix", value=path.suffix
        )
    return fmt


def _decode(raw: bytes, source: str | None) -> str:
    encoding = _utf16_or_32(raw)
    if encoding is not None:
        # Notepad's "Unicode" is UTF-16: say so, rather than calling the file binary.
        raise FileFormatError("not_utf8", source=source, wording="encoding", encoding=encoding)
    if b"\x00" in raw[:8192]:
        raise FileFormatError("binary_file", source=source)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise FileFormatError(
            "not_utf8", source=source, line=line, byte=f"0x{raw[exc.start]:02x}"
        ) from None


def _utf16_or_32(raw: bytes) -> str | None:
    """The name of the UTF-16 or UTF-32 encoding ``raw`` is in, judging by its first bytes."""
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    # Without a byte-order mark: mostly-ASCII UTF-16 text has a NUL in every other byte, and only
    # there; binary data has NULs anywhere.
    head = raw[:8192]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if len(head) >= 4 and min(even, odd) == 0 and max(even, odd) >= len(head) // 4:
        return "UTF-16"
    return None


def _line_column(text: str, offset: int | None) -> tuple[int | None, int | None]:
    if offset is None:
        return None, None
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _too_many_digits(exc: ValueError, text: str, fmt: str, source: str | None) -> FileFormatError:
    """Python refuses to read integers of more than 4300 digits (a guard against slow int()
    conversions); tomllib and json let that ValueError out instead of a syntax error."""
    limit = sys.get_int_max_str_digits()
    # Each run of digits is scanned once: a search for "a digit and `limit` more" would start
    # again at every digit of every shorter run, which takes minutes on a file of many.
    runs = _DIGIT_RUN.finditer(text)
    number = next((run for run in runs if len(run.group()) > limit), None)
    line, column = _line_column(text, number.start() if number else None)
    if number is None:
        return FileFormatError(source=source, format=fmt, reason=str(exc))
    return FileFormatError(
        source=source, line=line, column=column, wording="digits", format=fmt, limit=limit
    )


# JSON that Python's json module accepts but the JSON standard (RFC 8259) does not, or that
# means two things, is refused as a syntax error; the text is scanned again to locate it (only
# then, so valid files do not pay for it).
_JSON_STRING = r'"(?:[^"\\]|\\.)*"'
_JSON_TOKEN = re.compile(rf"{_JSON_STRING}|[{{}}\[\],:]", re.DOTALL)
_JSON_CONSTANT = re.compile(rf"{_JSON_STRING}|(NaN|-?Infinity)", re.DOTALL)
_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_DIGIT_RUN = re.compile(r"[0-9][0-9_]*")


class _JsonRefused(ValueError):
    """JSON that the json module read but the library refuses: the wording of the refusal."""

    def __init__(self, wording: str, locate: Callable[[str], int | None], **params: Any) -> None:
        super().__init__(wording)
        self.wording = wording
        self.params = params
        self.locate = locate


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data = dict(pairs)
    if len(data) != len(pairs):
        # A key given twice: Python keeps the last value, other tools the first, and a reviewer
        # may read one while the library uses the other.
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _JsonRefused("duplicate_key", _duplicate_at, key=key)
            seen.add(key)
    return data


def _json_constant(name: str) -> Any:
    raise _JsonRefused("constant", _constant_at, name=name)


def _duplicate_at(text: str) -> int | None:
    """Where the first duplicate key is, in the order json calls its hook: as objects close."""
    # One entry per open object (its keys, and where repeated ones are) or array (None).
    stack: list[tuple[set[str], list[int]] | None] = []
    expect_key = False
    for token in _JSON_TOKEN.finditer(text):
        mark = token.group()
        top = stack[-1] if stack else None
        if mark in ("{", "["):
            stack.append((set(), []) if mark == "{" else None)
        elif mark in ("}", "]"):
            if stack:
                stack.pop()
            if top is not None and top[1]:
                return top[1][0]
        elif expect_key and top is not None:
            key = json.loads(mark)
            if key in top[0]:
                top[1].append(token.start())
            top[0].add(key)
        expect_key = mark in ("{", ",") and bool(stack) and stack[-1] is not None
    return None


def _constant_at(text: str) -> int | None:
    return next((t.start() for t in _JSON_CONSTANT.finditer(text) if t.group(1)), None)


def _refuse_lone_surrogates(text: str, format: Format, source: str | None) -> None:
    """Refuse half of a UTF-16 surrogate pair (``"\\ud800"`` alone in JSON): it is no
    character, and a group holding one loads but can never be saved, printed or exported."""
    found = _SURROGATE.search(text)  # only in text given as str; TOML refuses such escapes
    offset = found.start() if found else None
    if offset is None and format == "json" and _SURROGATE_ESCAPE.search(text):
        strings = (s for s in re.finditer(_JSON_STRING, text, re.DOTALL) if "\\u" in s[0])
        bad = next((s for s in strings if _SURROGATE.search(json.loads(s[0]))), None)
        escape = _SURROGATE_ESCAPE.search(bad[0]) if bad else None  # point at it if we can
        offset = bad.start() + (escape.start() if escape else 0) if bad else None
    if offset is not None:
        line, column = _line_column(text, offset)
        raise FileFormatError(
            source=source, line=line, column=column, wording="surrogate", format=format.upper()
        )


_TOML_POSITION = re.compile(r"^(?P<msg>.*?)\s*\(at line (?P<line>\d+), column (?P<col>\d+)\)$")


def _toml_position(exc: tomllib.TOMLDecodeError, text: str) -> tuple[int | None, int | None, str]:
    lineno = getattr(exc, "lineno", None)  # Python 3.14 gives them as attributes
    colno = getattr(exc, "colno", None)
    message = getattr(exc, "msg", None) or str(exc)  # Python 3.14 has the bare message too
    match = _TOML_POSITION.match(message)
    if match:
        message = match.group("msg")
        lineno = lineno or int(match.group("line"))
        colno = colno or int(match.group("col"))
    elif "(at end of document)" in message:  # the line and column say where: the end
        message = message.replace("(at end of document)", "").strip()
        lineno = lineno or text.count("\n") + 1
        colno = colno or len(text) - text.rfind("\n")
    return lineno, colno, message


# --- writing ------------------------------------------------------------------------------


def to_data(group: CountryGroup, *, format: Format = "toml") -> dict[str, Any]:
    """The group as plain data, defaults left out, ``schema_version`` first."""
    mode = "python" if format == "toml" else "json"
    data = group.model_dump(mode=mode, exclude_defaults=True, exclude_none=True)
    data.pop("schema_version", None)
    return {"schema_version": SCHEMA_VERSION, **data}


def dumps(group: CountryGroup, format: Format = "toml") -> str:
    """The group as TOML or JSON text; :func:`loads` gives back an equal group."""
    if format == "toml":
        return tomli_w.dumps(to_data(group, format="toml"))
    if format == "json":
        return json.dumps(to_data(group, format="json"), ensure_ascii=False, indent=2) + "\n"
    raise FileFormatError("unknown_format", value=format)


def dump(group: CountryGroup, path: str | os.PathLike[str], format: Format | None = None) -> None:
    """Save the group to ``path`` atomically: on any failure the old file is left intact.

    A link is followed, a device or a named pipe written to, a read-only file refused with
    :class:`PermissionError`: see :func:`~rrma_groups.io.safe.write_atomic`.
    """
    file = Path(path)
    text = dumps(group, format or _format_of(file))
    write_atomic(file, text.encode("utf-8"))
