"""Kinds of items guessed from their titles, in French, English or Arabic.

A title says what an item is: "Pause café" is a break, "Atelier : présentation de…" a
workshop, a question a discussion. :func:`guess_kind` reads it; the table reader and the agenda
builder use it for the items whose kind is not given.
"""

from __future__ import annotations

import re
from typing import Final

from ..model import ItemKind
from .folding import fold_words

__all__ = ["guess_kind", "kind_from_cell"]

# First match wins, so the order matters: "Temps convivial et échange libre" is social time,
# not a discussion; "Pause déjeuner" is a meal; "Atelier : présentation de..." is a workshop.
_KIND_WORDS: Final[tuple[tuple[ItemKind, tuple[str, ...]], ...]] = (
    (
        ItemKind.SOCIAL,
        ("temps convivial", "convivial", "cocktail", "verre de l'amitié", "apéritif",
         "networking", "social time", "reception", "حفل", "لقاء ودي"),
    ),
    (
        ItemKind.MEAL,
        ("déjeuner", "dîner", "repas", "buffet", "lunch", "dinner", "غداء", "عشاء", "وجبة"),
    ),
    (ItemKind.BREAK, ("pause", "break", "coffee", "استراحة")),
    (
        ItemKind.WELCOME,
        ("accueil", "bienvenue", "ouverture", "welcome", "registration", "opening", "استقبال",
         "افتتاح", "كلمة ترحيبية"),
    ),
    (
        ItemKind.CONCLUSION,
        ("restitution", "conclusion", "clôture", "synthèse", "closing", "wrap up", "اختتام",
         "ختام", "خلاصات", "توصيات"),
    ),
    (ItemKind.WORKSHOP, ("atelier", "workshop", "ورشة", "ورشات")),
    (ItemKind.PLENARY, ("plénière", "plenary", "جلسة عامة")),
    (
        ItemKind.DISCUSSION,
        ("débat", "discussion", "échange", "échanges", "table ronde", "questions", "debate",
         "round table", "نقاش", "مناقشة", "حوار"),
    ),
    (
        ItemKind.PRESENTATION,
        ("présentation", "intervention", "exposé", "introduction", "presentation", "تقديم",
         "عرض"),
    ),
)  # fmt: skip
_KIND_PATTERNS: Final = tuple(
    (kind, re.compile(r"\b(?:" + "|".join(re.escape(fold_words(w)) for w in words) + r")\b"))
    for kind, words in _KIND_WORDS
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
