"""The ``rrma-groups`` command: one module per command group, shared helpers in :mod:`.common`."""

from __future__ import annotations

from collections.abc import Sequence

from .collector import no_cyclic_collection

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line (see :func:`rrma_groups.cli.app.main`); returns the exit status.

    The command's modules are imported here, with the collector already off (see
    :func:`~rrma_groups.cli.collector.no_cyclic_collection`): loading them makes many objects.
    """
    with no_cyclic_collection():
        from .app import main as run

        return run(argv)
