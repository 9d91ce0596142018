"""The group's activity, as data: actor directory, synergies, participation and yearly report.

:func:`directory` (:mod:`.directory`), :func:`find_synergies` (:mod:`.synergies`),
:func:`participation` (:mod:`.participation`) and :func:`activity_report` (:mod:`.report`)
compute. Their results are written out by :mod:`rrma_groups.render`
(:func:`~rrma_groups.render.directory.render_directory`,
:func:`~rrma_groups.render.synergies.render_synergies`,
:func:`~rrma_groups.render.report.render_report` and
:func:`~rrma_groups.render.sign_in_sheet.sign_in_sheet`), and the sign-in sheet is printed by
:func:`rrma_groups.export.pdf.sign_in_sheet_pdf`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .directory import directory
from .participation import participation

if TYPE_CHECKING:
    from .report import activity_report
    from .synergies import find_synergies

__all__ = ["activity_report", "directory", "find_synergies", "participation"]

# Loaded on first use (PEP 562), so that a command that needs one of them, or only the
# directory's sort keys, does not load the others. ``directory`` and ``participation`` are
# imported above: each is also the name of its submodule, which importing the submodule would
# otherwise put here in its place.
_LAZY = {"activity_report": ".report", "find_synergies": ".synergies"}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_LAZY[name], __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
