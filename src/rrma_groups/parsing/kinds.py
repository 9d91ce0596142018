"""Kinds of items guessed from their titles, in French, English or Arabic.

A title says what an item is: "Pause café" is a break, "Atelier : présentation de…" a
workshop, a question a discussion. :func:`guess_kind` reads it; the table reader and the agenda
builder use it for the items whose kind is not given.
"""

from __future__ import annotations

import re
from typing import Final

from ..model import ItemKind
from ..model.agenda import KIND_WORDS
from .folding import fold_words

__all__ = ["guess_kind", "kind_from_cell"]

_KIND_PATTERNS: Final = tuple(
    (kind, re.compile(r"\b(?:" + "|".join(re.escape(fold_words(w)) for w in words) + r")\b"))
    for kind, words in KIND_WORDS
)


def guess_kind(title: str) -> ItemKind:
    """The kind of item a title suggests, in French, English or Arabic; ``OTHER`` if none.

    A title that asks a question is a discussion.

    >>> guess_kind("Accueil des participants")
    <ItemKind.WELCOME: 'welcome'>
    >>> guess_kind("GPMar: quelles attentes?")
    <ItemKind.DISCUSSION: 'discussion'>
    >>> guess_kind("استراحة قهوة")
    <ItemKind.BREAK: 'break'>
    """
    folded = fold_words(title)
    for kind, pattern in _KIND_PATTERNS:
        if pattern.search(folded):
            return kind
    if title.rstrip().endswith(("?", "؟")):
        return ItemKind.DISCUSSION
    return ItemKind.OTHER


def kind_from_cell(text: str) -> ItemKind | None:
    """The kind a Type cell says: a kind's value or name (``break``, ``Pause``), else the kind
    its words suggest; ``None`` when they suggest none.

    >>> kind_from_cell("workshop"), kind_from_cell("Atelier"), kind_from_cell("Visite")
    (<ItemKind.WORKSHOP: 'workshop'>, <ItemKind.WORKSHOP: 'workshop'>, None)
    """
    folded = fold_words(text)
    for kind in ItemKind:
        if folded in (kind.value, fold_words(kind.name)):
            return kind
    guessed = guess_kind(text)
    return None if guessed is ItemKind.OTHER else guessed
