"""The syntax errors of the TOML and JSON parsers, in words that translate.

:mod:`tomllib` and :mod:`json` say what is wrong in English sentences of their own ("Expected
'=' after a key in a key/value pair"). They are a short, fixed list: each is matched here to a
message id of the catalogs, so that ``validate --lang ar`` says in Arabic what the parser said.
A sentence the list does not know (a later Python may word one differently) is kept as the
parser wrote it.
"""

from __future__ import annotations

import ast
import re
from typing import Final

from ..i18n.catalog import N_
from ..messages import Msg

__all__ = ["parser_reason"]

_FIXED: Final[dict[str, str]] = {
    # tomllib
    "Cannot overwrite a value": N_("a value cannot be overwritten"),
    "Escaped character is not a Unicode scalar value": N_(
        "the escaped character is not a Unicode scalar value"
    ),
    "Expected '=' after a key in a key/value pair": N_(
        "'=' expected after a key, in a key = value pair"
    ),
    "Expected ']' at the end of a table declaration": N_(
        "']' expected at the end of a table header"
    ),
    "Expected ']]' at the end of an array declaration": N_(
        "']]' expected at the end of an array-of-tables header"
    ),
    "Expected newline or end of document after a statement": N_(
        "a new line or the end of the file expected after a statement"
    ),
    "Invalid date or datetime": N_("invalid date or date-time"),
    "Invalid hex value": N_("invalid hexadecimal value"),
    "Invalid initial character for a key part": N_("invalid first character for a key"),
    "Invalid statement": N_("invalid statement"),
    "Invalid value": N_("invalid value"),
    "Unclosed array": N_("an array is not closed"),
    "Unclosed inline table": N_("an inline table is not closed"),
    "Unescaped '\\' in a string": N_("a '\\' that is not an escape, in a string"),
    "Unterminated string": N_("a string is not closed"),
    # json
    "Expecting ',' delimiter": N_("',' expected"),
    "Expecting ':' delimiter": N_("':' expected"),
    "Expecting value": N_("a value expected"),
    "Extra data": N_("more data after the end of the document"),
    "Expecting property name enclosed in double quotes": N_("a key in double quotes expected"),
    "Unterminated string starting at": N_("a string is not closed"),
    "Invalid control character at": N_("a control character inside a string"),
    "Invalid \\escape": N_("invalid escape sequence"),
    "Invalid \\uXXXX escape": N_("invalid \\uXXXX escape"),
}

_PATTERNS: Final[tuple[tuple[re.Pattern[str], str], ...]] = (
    (re.compile(r"Cannot declare (?P<name>.+) twice"), N_("{name} is declared twice")),
    (
        re.compile(r"Cannot mutate immutable namespace (?P<name>.+)"),
        N_("{name} cannot be changed here: it was given whole before"),
    ),
    (
        re.compile(r"Cannot redefine namespace (?P<name>.+)"),
        N_("{name} cannot be defined again"),
    ),
    (
        re.compile(r"Duplicate inline table key (?P<name>.+)"),
        N_("the key {name} is given twice in an inline table"),
    ),
    (re.compile(r"Expected (?P<name>.+)"), N_("{name} expected")),
    (re.compile(r"Found invalid character (?P<name>.+)"), N_("invalid character {name}")),
    (re.compile(r"Illegal character (?P<name>.+)"), N_("character {name} not allowed here")),
)


def parser_reason(message: str) -> Msg | str:
    """What the parser said, as a translatable fragment when it is one the list knows.

    >>> str(parser_reason("Invalid value"))
    'invalid value'
    >>> parser_reason("Cannot declare ('network', 'name') twice").params["name"]
    Msg(template='{name!r}', params={'name': 'network.name'})
    >>> parser_reason("Something new")
    'Something new'
    """
    fixed = _FIXED.get(message)
    if fixed is not None:
        return Msg(fixed)
    for pattern, template in _PATTERNS:
        found = pattern.fullmatch(message)
        if found is not None:
            return Msg(template, {"name": _name(found.group("name"))})
    return message


def _name(text: str) -> Msg | str:
    """tomllib's name of a key (``('network', 'name')``) or of a character (``'\\n'``), written as
    a file writes it (``network.name``) and quoted the way the message's language quotes."""
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return text
    if isinstance(value, tuple) and value and all(isinstance(part, str) for part in value):
        value = ".".join(value)
    if isinstance(value, str):
        return Msg("{name!r}", {"name": value})  # no words to translate: only the quotes
    return text
