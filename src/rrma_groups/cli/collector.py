"""The command's use of the cyclic garbage collector (the library never touches it)."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["no_cyclic_collection"]


@contextlib.contextmanager
def no_cyclic_collection() -> Iterator[None]:
    """No cyclic garbage collection while one command loads its modules and runs.

    A command builds a group's objects once and exits: CPython's collector would scan them
    again and again as they are made (the pydantic models, then the group), to free nothing.
    The command owns its process, so it may switch the collector off; the library never does.
    The previous state is put back, for a program that calls the command's ``main``.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
