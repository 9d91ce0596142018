"""Right-to-left helpers: Unicode directional isolates for plain text, ``<bdi>`` for HTML.

Why this is needed. The Unicode bidirectional algorithm (UAX #9) lays out an Arabic paragraph
from right to left; digits keep their own left-to-right order, but the characters *between*
numbers take the paragraph's direction. In an Arabic paragraph the time range ``14:00–14:15``
is two numbers around an en dash (a neutral), and the two numbers are laid out right to left:
``14:00`` on the right, ``14:15`` on its left. That is the order the library keeps: an Arabic
reader goes from right to left and meets the start first, as in the running text
"من 14:00 إلى 17:30" (from 14:00 to 17:30), which pages use for a meeting's hours. Dates follow
the same order (CLDR's numeric Arabic dates put a RIGHT-TO-LEFT MARK after each number so
that the day is read first). A range is therefore wrapped in RIGHT-TO-LEFT ISOLATE … POP
DIRECTIONAL ISOLATE (RLI…PDI), or ``<bdi dir="rtl">`` in HTML, in an Arabic table cell or
line: one right-to-left unit whatever surrounds it. The programmes use the 24-hour clock in
Arabic: CLDR's 12-hour interval ``2:00–2:15 م`` would need its ``م`` read last.

Left-to-right units are isolated the other way (LRI…PDI): addresses, codes, file names.
Names written in Latin letters inside Arabic text (``Khalid و Sébastien``), and any text whose
direction is not known in advance (a participant, an organisation), go in FIRST STRONG
ISOLATE … PDI, or ``<bdi>`` in HTML, so that their punctuation and numbers do not leak into
the surrounding text.

Isolates (Unicode 6.3) are preferred to the older embeddings and overrides (U+202A–U+202E),
which do not isolate their content from its surroundings; :func:`strip_bidi_controls` removes
both, and the marks, e.g. before comparing or searching text.

An isolate that a text opens and never closes runs on to the end of the line: copied into a
programme row, it would take the time, the facilitators and the row's separators with it and
reorder them. A PDI that closes nothing is as harmful inside a row that the writer isolated
itself: it closes the writer's isolate. Every writer therefore passes user text through
:func:`balance_isolates` where it inserts it, and the checks warn about such a text.

>>> isolate_rtl("14:00–14:15") == "\\u206714:00–14:15\\u2069"
True
>>> first_strong_direction("14:00 الافتتاح")
'rtl'
>>> html_isolate("Sébastien & Khalid")
'<bdi>Sébastien &amp; Khalid</bdi>'
"""

from __future__ import annotations

import html
import re
import unicodedata
from typing import Literal

__all__ = [
    "ALM",
    "BIDI_CONTROLS",
    "FSI",
    "LRE",
    "LRI",
    "LRM",
    "LRO",
    "PDF",
    "PDI",
    "RLE",
    "RLI",
    "RLM",
    "RLO",
    "balance_isolates",
    "first_strong_direction",
    "unbalanced_isolate",
    "html_isolate",
    "isolate",
    "isolate_auto",
    "isolate_ltr",
    "isolate_rtl",
    "strip_bidi_controls",
]

LRI = "\u2066"
"""LEFT-TO-RIGHT ISOLATE: what follows, up to the matching PDI, is a left-to-right unit."""
RLI = "\u2067"
"""RIGHT-TO-LEFT ISOLATE."""
FSI = "\u2068"
"""FIRST STRONG ISOLATE: the direction is that of the first strong character inside."""
PDI = "\u2069"
"""POP DIRECTIONAL ISOLATE: closes LRI, RLI or FSI."""
LRM = "\u200e"
"""LEFT-TO-RIGHT MARK: an invisible strong left-to-right character."""
RLM = "\u200f"
"""RIGHT-TO-LEFT MARK (found inside CLDR's Arabic numeric date patterns)."""
ALM = "\u061c"
"""ARABIC LETTER MARK."""
LRE = "\u202a"
"""LEFT-TO-RIGHT EMBEDDING (legacy: prefer LRI)."""
RLE = "\u202b"
"""RIGHT-TO-LEFT EMBEDDING (legacy: prefer RLI)."""
PDF = "\u202c"
"""POP DIRECTIONAL FORMATTING: closes LRE, RLE, LRO or RLO."""
LRO = "\u202d"
"""LEFT-TO-RIGHT OVERRIDE (legacy)."""
RLO = "\u202e"
"""RIGHT-TO-LEFT OVERRIDE (legacy)."""

BIDI_CONTROLS: frozenset[str] = frozenset(
    (LRI, RLI, FSI, PDI, LRM, RLM, ALM, LRE, RLE, PDF, LRO, RLO)
)
"""Every invisible character that only steers the bidirectional algorithm."""

_STRIP_TABLE = dict.fromkeys(map(ord, BIDI_CONTROLS))
_INITIATORS = frozenset((LRI, RLI, FSI))
_EMBEDDINGS = frozenset((LRE, RLE, PDF, LRO, RLO))
# Paragraph separators (bidi class B): the algorithm closes every isolate at each of them, so
# isolates are balanced line by line.
_PARAGRAPH_ENDS = frozenset("\n\r\x1c\x1d\x1e\x85\u2029")
_BIDI_FORMATTING = re.compile("[\u202a-\u202e\u2066-\u2069]")
_OPENERS: dict[str, str] = {"ltr": LRI, "rtl": RLI, "auto": FSI}


def _matching_pdi(s: str, start: int) -> int | None:
    """The index of the PDI that closes the isolate opened at ``s[start]``, if any."""
    depth = 0
    for i in range(start, len(s)):
        ch = s[i]
        if ch in _INITIATORS:
            depth += 1
        elif ch == PDI:
            depth -= 1
            if depth == 0:
                return i
    return None


def _is_wrapped(s: str, opener: str) -> bool:
    """True when the whole of ``s`` is one isolate opened by ``opener``."""
    return len(s) >= 2 and s[0] == opener and _matching_pdi(s, 0) == len(s) - 1


def isolate(s: str, direction: Literal["ltr", "rtl", "auto"] = "auto") -> str:
    """Wrap ``s`` in a directional isolate: LRI, RLI or FSI (``auto``) … PDI.

    A string that already is one isolate of the same kind is returned as it is, and so is the
    empty string (there is nothing to isolate). A string isolated with another kind is
    wrapped again: the outer isolate then only protects it from its surroundings.

    >>> isolate("Khalid") == FSI + "Khalid" + PDI
    True
    >>> isolate(isolate("Khalid")) == isolate("Khalid")
    True
    """
    try:
        opener = _OPENERS[direction]
    except KeyError:
        raise ValueError(
            f"unknown direction {direction!r}; expected one of: ltr, rtl, auto"
        ) from None
    if not s or _is_wrapped(s, opener):
        return s
    return f"{opener}{s}{PDI}"


def isolate_ltr(s: str) -> str:
    """``s`` as a left-to-right unit (LRI…PDI): times, time ranges, dates, codes, URLs."""
    return isolate(s, "ltr")


def isolate_rtl(s: str) -> str:
    """``s`` as a right-to-left unit (RLI…PDI): Arabic text inside left-to-right text."""
    return isolate(s, "rtl")


def isolate_auto(s: str) -> str:
    """``s`` in an isolate whose direction is its first strong character's (FSI…PDI)."""
    return isolate(s, "auto")


def strip_bidi_controls(s: str) -> str:
    """``s`` without isolates, marks (LRM, RLM, ALM), embeddings and overrides.

    >>> strip_bidi_controls("\\u20664\\u200f/11\\u200f/2016\\u2069")
    '4/11/2016'
    """
    return s.translate(_STRIP_TABLE)


def balance_isolates(s: str) -> str:
    """``s`` safe to insert into other text: every isolate closed, nothing else closed.

    An isolate (LRI, RLI, FSI) still open at the end of a line gets its PDI there; a PDI that
    closes no isolate of its line is dropped; embeddings and overrides (LRE, RLE, PDF, LRO,
    RLO), which the model refuses in data, are dropped too. A balanced text is returned as it
    is, so the function can be applied more than once.

    >>> balance_isolates("\u2067الرباط") == "\u2067الرباط\u2069"
    True
    >>> balance_isolates("Rabat\u2069 – Salé") == "Rabat – Salé"
    True
    >>> balance_isolates(isolate_ltr("14:00")) == isolate_ltr("14:00")
    True
    """
    if _BIDI_FORMATTING.search(s) is None:
        return s
    out: list[str] = []
    depth = 0
    for ch in s:
        if ch in _INITIATORS:
            depth += 1
        elif ch == PDI:
            if not depth:
                continue
            depth -= 1
        elif ch in _EMBEDDINGS:
            continue
        elif ch in _PARAGRAPH_ENDS:
            out.append(PDI * depth)
            depth = 0
        out.append(ch)
    out.append(PDI * depth)
    return "".join(out)


def unbalanced_isolate(s: str) -> int | None:
    """The index of the first isolate of ``s`` left open at the end of its line, or of the
    first PDI that closes nothing; ``None`` when every isolate is closed on its line.

    >>> unbalanced_isolate("a\u2066b"), unbalanced_isolate("a\u2069"), unbalanced_isolate("ab")
    (1, 1, None)
    """
    if _BIDI_FORMATTING.search(s) is None:
        return None
    open_at: list[int] = []
    for i, ch in enumerate(s):
        if ch in _INITIATORS:
            open_at.append(i)
        elif ch == PDI:
            if not open_at:
                return i
            open_at.pop()
        elif ch in _PARAGRAPH_ENDS and open_at:
            return open_at[0]
    return open_at[0] if open_at else None


def first_strong_direction(s: str) -> Literal["ltr", "rtl"] | None:
    """The direction of the first strong character of ``s``, or ``None`` if it has none.

    Follows rules P2–P3 of UAX #9: characters of class L are left-to-right, R and AL right to
    left; digits and punctuation are not strong; text inside an isolate (up to its matching
    PDI) is skipped, as it does not take part in its surroundings' direction. The whole of
    ``s`` is read as one paragraph.

    >>> [first_strong_direction(s) for s in ("« Khalid »", "12:00", "")]
    ['ltr', None, None]
    >>> first_strong_direction(isolate_ltr("Rabat") + " الرباط")
    'rtl'
    """
    depth = 0
    for ch in s:
        if ch in _INITIATORS:
            depth += 1
            continue
        if ch == PDI:
            depth = max(depth - 1, 0)
            continue
        if depth:
            continue
        bidi_class = unicodedata.bidirectional(ch)
        if bidi_class == "L":
            return "ltr"
        if bidi_class in ("R", "AL"):
            return "rtl"
    return None


def html_isolate(
    text: str, direction: Literal["ltr", "rtl", "auto"] = "auto", *, escape: bool = True
) -> str:
    """``text`` in a ``<bdi>`` element, HTML's isolate; ``dir`` is set unless ``auto``.

    ``<bdi>`` without ``dir`` takes the direction of its first strong character, like FSI;
    use ``"ltr"`` for time ranges inside Arabic text. The text is HTML-escaped unless
    ``escape=False`` (for text that already is HTML).

    >>> html_isolate("14:00–14:15", "ltr")
    '<bdi dir="ltr">14:00–14:15</bdi>'
    """
    if direction not in _OPENERS:
        raise ValueError(f"unknown direction {direction!r}; expected one of: ltr, rtl, auto")
    body = html.escape(text, quote=False) if escape else text
    attribute = "" if direction == "auto" else f' dir="{direction}"'
    return f"<bdi{attribute}>{body}</bdi>"
