"""The formats and bounds of the activity outputs, without their writers.

The command line lists them in its options (``directory --format``, ``report --format``,
``synergies --format``, ``sign-in-sheet --blank-rows``) before it knows which command runs: they
live here so that building the parser does not load the writers of every command. Each writer
module names its own again (:data:`rrma_groups.render.directory.DIRECTORY_FORMATS`...).
"""

from __future__ import annotations

from typing import Final

__all__ = ["DIRECTORY_FORMATS", "MAX_BLANK_ROWS", "REPORT_FORMATS", "SYNERGY_FORMATS"]

DIRECTORY_FORMATS: Final[tuple[str, ...]] = ("text", "markdown", "html", "csv")
"""The text formats of the actor directory (spreadsheets are written by
:mod:`rrma_groups.export.spreadsheet`)."""

REPORT_FORMATS: Final[tuple[str, ...]] = ("text", "markdown", "html")
"""The formats of the yearly activity report."""

SYNERGY_FORMATS: Final[tuple[str, ...]] = ("text", "markdown", "html")
"""The formats of the synergy proposals."""

MAX_BLANK_ROWS: Final = 500
"""Most blank rows a sign-in sheet takes: some twenty pages of them."""
