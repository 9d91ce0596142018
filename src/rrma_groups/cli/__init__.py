"""The ``rrma-groups`` command: one module per command group, shared helpers in :mod:`.common`."""

from .app import main

__all__ = ["main"]
