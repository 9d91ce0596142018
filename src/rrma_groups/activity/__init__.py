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

from .directory import directory
from .participation import participation
from .report import activity_report
from .synergies import find_synergies

__all__ = ["activity_report", "directory", "find_synergies", "participation"]
