"""The DESCRIPTION of a meeting's event: the programme as calendar applications show it.

Calendar applications show DESCRIPTION in a proportional font, often right-aligned for Arabic:
the space-padded table of :func:`~rrma_groups.render.text.meeting_text` falls apart there.
Each agenda item is one line instead, its parts separated by a middle dot::

    14h00–14h15 · Accueil des participants · Un collègue Cap Coopération

In a right-to-left language every line starts with a RIGHT-TO-LEFT MARK, so that a line whose
first strong character is Latin (a French title standing in for a missing Arabic one) is still
laid out right to left, and times and Latin names are isolated (LRI…PDI, FSI…PDI): a reader
meets the hours first, on the right.
"""

from __future__ import annotations

from ...i18n.bidi import RLM
from ...i18n.formatting import format_list
from ...render.common import Labels, TextWriter, when_line, where_and_status
from ...render.view import ItemView, MeetingView

__all__ = ["description"]

_SEPARATOR = " · "


def description(view: MeetingView) -> str:
    """The meeting as one DESCRIPTION: what, when and where, why, then one line per item."""
    w = TextWriter(view.lang)
    labels = Labels(view.lang)
    lines = [w.piece(view.title), when_line(view, w), *where_and_status(view, w, labels)]
    if view.description:
        lines += ["", w.piece(view.description)]
    if view.objectives:
        lines += ["", labels.colon(labels.meeting_objectives)]
        lines += [f"- {w.piece(o)}" for o in view.objectives]
    if any(day.items for day in view.days):
        lines += ["", labels.colon(labels.programme)]
        several_days = len(view.days) > 1
        for day in view.days:
            if several_days and day.long_date:
                lines.append(day.long_date)
            lines += [_item_line(item, w) for item in day.items]
    if view.signatory:
        lines += ["", w.piece(view.signatory)]
        if view.signatory_affiliation:
            lines.append(w.piece(view.signatory_affiliation))
    text = "\n".join(lines)
    if not w.rtl:
        return text
    return "\n".join(RLM + line if line else line for line in text.split("\n"))


def _item_line(item: ItemView, w: TextWriter) -> str:
    """An item in one line: its hours, its title, its room when rooms are used, who leads it."""
    parts = [w.time(_range(item.time)), w.piece(item.title)]
    if item.room is not None:
        parts.append(w.piece(item.room))
    if item.facilitators:
        names = format_list([p.text for p in item.facilitators], w.lang)
        parts.append(w.names(item.facilitators, names))
    return _SEPARATOR.join(part for part in parts if part)


def _range(hours: str) -> str:
    """Hours as the programme writes them, but for the spaced hyphen of the French printed
    programme's table ("14h00 - 14h15"): within a line of text a range takes an en dash."""
    return hours.replace(" - ", "–")
