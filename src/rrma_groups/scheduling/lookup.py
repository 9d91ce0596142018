"""Addressing the items of an agenda: by id, by index, or by title (exact, then a prefix)."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import Any, Final

from ..i18n.catalog import N_
from ..messages import COMMA, Msg, joined
from ..model import Agenda, AgendaItem
from .errors import ItemLookupError

__all__ = ["ItemKey", "find_item"]


ItemKey = str | int
"""How an item is addressed: its id, its title (or a unique prefix of it), or its index."""


_LISTED: Final = 8  # candidates listed in an error message, at most


def _describe(index: int, item: AgendaItem) -> Msg | str:
    title = item.title.get()
    if item.id:
        return Msg(
            N_("[{index}] {title!r} (id {id!r})"), {"index": index, "title": title, "id": item.id}
        )
    return Msg("[{index}] {title!r}", {"index": index, "title": title})  # quoted per language


def _listed(entries: Sequence[Msg | str]) -> Any:
    more = len(entries) - _LISTED
    listed = joined(entries[:_LISTED], COMMA)
    if more > 0:
        return Msg(N_("{listed} and {more} more"), {"listed": listed, "more": more})
    return listed


def find_item(agenda: Agenda, key: ItemKey) -> int:
    """The index of the item ``key`` addresses: an index, an id, a title or a title's prefix.

    A title is looked up exactly first (in any of its languages), then as a case-insensitive
    prefix; more than one match is an error that lists them.

    >>> from rrma_groups.examples import groupe_pays_maroc
    >>> agenda = groupe_pays_maroc().meeting("limoges-2016").agenda
    >>> find_item(agenda, "Restitution"), find_item(agenda, -1)
    (9, 10)
    >>> try:  # doctest: +ELLIPSIS
    ...     find_item(agenda, "GPMar")
    ... except ItemLookupError as error:
    ...     print(error.code, "|", error.params["candidates"])
    ambiguous_item | [7] 'GPMar: quelles attentes?', [8] 'GPMar: quelles modalités de ...'
    """
    items = agenda.items
    if isinstance(key, bool) or not isinstance(key, int | str):
        raise ItemLookupError("invalid_item_key", value=key, got=type(key).__name__)
    if isinstance(key, int):
        if -len(items) <= key < len(items):
            return key % len(items)
        raise ItemLookupError("item_index_out_of_range", value=key, count=len(items))
    for index, item in enumerate(items):
        if item.id == key:
            return index
    for matches in (
        [i for i, item in enumerate(items) if key in item.title.values()],
        _prefixed(items, key.casefold()),
    ):
        if len(matches) == 1:
            return matches[0]
        if matches:
            candidates = _listed([_describe(i, items[i]) for i in matches])
            raise ItemLookupError(
                "ambiguous_item", value=key, count=len(matches), candidates=candidates
            )
    raise ItemLookupError("unknown_item", value=key, candidates=_suggestions(items, key))


def _prefixed(items: Sequence[AgendaItem], folded: str) -> list[int]:
    return [
        i
        for i, item in enumerate(items)
        if any(text.casefold().startswith(folded) for text in item.title.values())
    ]


def _suggestions(items: Sequence[AgendaItem], key: str) -> Msg:
    if not items:
        return Msg(N_("the agenda is empty"))
    if len(items) <= _LISTED:
        listed = _listed([_describe(i, item) for i, item in enumerate(items)])
        return Msg(N_("its items are: {items}"), {"items": listed})
    names: dict[str, int] = {}
    for index, item in enumerate(items):
        for text in (*item.title.values(), item.id or ""):
            if text:
                names.setdefault(text, index)
    close = difflib.get_close_matches(key, list(names), n=5, cutoff=0.6)
    if not close:
        return Msg(N_("no title is close to it"))
    found = joined([_describe(names[c], items[names[c]]) for c in close], COMMA)
    return Msg(N_("did you mean {items}?"), {"items": found})
