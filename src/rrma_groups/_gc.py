"""Pausing the cyclic garbage collector while a large object tree is built."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["cyclic_gc_paused"]


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Pause automatic collections of the cyclic GC, then restore them as they were.

    Loading a group, rendering it or building its calendar allocates hundreds of thousands of
    objects and frees few until the end: each automatic collection would rescan them all, so
    the time would grow faster than the data. Nothing built there relies on cycles being
    collected early; reference counting still frees everything else at once.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
