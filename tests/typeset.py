"""Expected messages written with ASCII quotes and spaces, given each language's marks.

Tests that pin many sentences write them as a keyboard does (``'Débat'``, ``indiquez : x``,
``l'ordre``); :func:`typeset` turns them into what the library writes: in French, titles in
« » and a narrow no-break space before ``; : ? !`` and inside « », typographic apostrophes;
in Arabic, titles in « » with the title isolated. English is left as it is. It is written
here independently of the library, so that a test still checks the library's typography
(tests/test_explain.py spells the same marks out in full).
"""

from __future__ import annotations

import re

NB = "\u202f"
FSI, PDI = "\u2068", "\u2069"

_ELISION = re.compile(r"(?<=[A-Za-zÀ-ÿ])'(?=[A-Za-zÀ-ÿ{])")
_QUOTED = re.compile(r"'([^']*)'")
_BEFORE_MARK = re.compile(r" ([;:?!])(?=\s|$)")


def typeset(text: str, lang: str | None) -> str:
    """``text`` as a message in ``lang`` writes it (see the module's notes)."""
    if lang is None or lang.startswith("en"):
        return text
    if lang.startswith("fr"):
        text = _ELISION.sub("’", text)
        text = _QUOTED.sub(lambda m: f"«{NB}{m.group(1)}{NB}»", text)
        return _BEFORE_MARK.sub(NB + r"\1", text)
    return _QUOTED.sub(lambda m: f"«{FSI}{m.group(1)}{PDI}»", text)
