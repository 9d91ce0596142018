"""TEXT values (RFC 5545, 3.3.11): escaped on the way out, unescaped on the way in."""

from __future__ import annotations

import re
from typing import Any

import icalendar

from ...i18n.bidi import balance_isolates

__all__ = ["Text", "unescape"]


class Text(icalendar.vText):
    """TEXT escaped as RFC 5545 says (3.3.11).

    icalendar's own escaping first turns a backslash followed by a capital N into a line
    break (``C:\\Nouveau`` would become two lines); this escapes backslashes first and
    nothing else. Directional isolates are balanced first, as in every output.
    """

    __slots__ = ()

    def to_ical(self) -> bytes:
        text = balance_isolates(str(self))
        text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
        return text.encode("utf-8")


_TEXT_ESCAPE = re.compile(r"\\([\\;,nN])")


def unescape(value: Any) -> str:
    """The text of an X- property, which icalendar keeps as written: RFC 5545 escapes undone.

    (``vText.from_ical`` does not unescape, and icalendar's unescaping helpers are on their
    way out of its public API.)
    """
    return _TEXT_ESCAPE.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), str(value))
