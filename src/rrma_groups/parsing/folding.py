"""Text folded for comparison and for ids: accents, harakat, hamza, tatweel and case left out.

People write the same word in several ways: ``Débat`` and ``debat``, ``لقاء`` with or without
its harakat, ``ى`` for ``ي``. Times, dates, table headers, kinds of items and names of persons
are compared in their folded form (:func:`fold`, :func:`fold_words`); an id made from a name or
a room (:func:`slug`) is folded too, down to ASCII letters, digits and dashes.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Final

__all__ = ["fold", "fold_words", "slug"]

_ARABIC_FOLD: Final = str.maketrans({"ى": "ي", "ة": "ه", "\u0640": None})
_NON_WORD: Final = re.compile(r"[\W_]+")


def fold(text: str) -> str:
    """A word for look-up: no accents, hamza, harakat or tatweel; ى→ي, ة→ه; case-folded.

    >>> fold("Février"), fold("الإثنين")
    ('fevrier', 'الاثنين')
    """
    if text.isascii():
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return bare.translate(_ARABIC_FOLD).casefold()


@functools.lru_cache(maxsize=4096)
def fold_words(text: str) -> str:
    """Words for comparing names and headers: :func:`fold`, punctuation as spaces, one space
    between words.

    >>> fold_words("  Heure de début :"), fold_words("Cap-Coopération")
    ('heure de debut', 'cap cooperation')
    """
    return " ".join(_NON_WORD.sub(" ", fold(text)).split())


def slug(text: str, *, keep: str = "", length: int = 64) -> str:
    """An id made from ``text``: ASCII letters without accents and digits, in lower case, every
    run of other characters (but those of ``keep``) written as one dash, at most ``length``
    characters; empty when nothing is left, for the caller to choose what stands in.

    >>> slug("SO Coopération"), slug("Salle 2.b", keep="."), slug("قاعة")
    ('so-cooperation', 'salle-2.b', '')
    """
    bare = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in bare if not unicodedata.combining(c)).casefold()
    drop = re.compile(f"[^a-z0-9{re.escape(keep)}-]+" if keep else "[^a-z0-9]+")
    edges = "-" + keep
    return drop.sub("-", folded).strip(edges)[:length].rstrip(edges)
