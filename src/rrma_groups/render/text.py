"""Plain text: the programme as a terminal table, like the printed seed.

In a right-to-left language the logical order is kept (first column first) and every
left-to-right run is wrapped in Unicode isolates: times in LRI…PDI (a time range inside Arabic
text otherwise displays reversed), Latin names in FSI…PDI, so a bidi-aware terminal or editor
shows them in the right order.
"""

from __future__ import annotations

from .common import Labels, TextWriter, comma, display_width, programme_columns, when_line
from .view import GroupView, MeetingView

__all__ = ["group_text", "meeting_text"]


def _table(rows: list[list[str]]) -> list[str]:
    widths = [max(display_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for n, row in enumerate(rows):
        cells = [cell + " " * (widths[i] - display_width(cell)) for i, cell in enumerate(row)]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return lines


def meeting_text(view: MeetingView, *, heading: bool = True) -> str:
    w = TextWriter(view.lang)
    labels = Labels(view.lang)
    lines: list[str] = []
    if heading:
        lines.append(w.piece(view.title))
        lines.append(when_line(view, w))
        where = comma(view.lang).join(w.piece(p) for p in (view.venue, view.city) if p)
        if where:
            lines.append(where)
        if view.status.value == "cancelled":
            lines.append(labels.cancelled.upper())
        elif view.status.value == "postponed":
            lines.append(labels.postponed.upper())
        if view.previous_date:
            lines.append(labels.previously.format(date=view.previous_date))
        if view.online_url:
            lines.append(f"{labels.online}: {w.ltr(view.online_url)}")
        if view.description:
            lines += ["", w.piece(view.description)]
        if view.objectives:
            lines += ["", f"{labels.meeting_objectives}:"]
            lines += [f"- {w.piece(o)}" for o in view.objectives]
        lines.append("")
    columns = programme_columns(view, labels)
    with_rooms = len(columns) == 6
    rows = [columns]
    venue = w.piece(view.venue)
    for day in view.days:
        for n, item in enumerate(day.items):
            row = [
                day.date if n == 0 else "",  # CLDR's Arabic dates carry their own RLM marks
                venue if n == 0 else "",
                w.ltr(item.time),
                w.piece(item.title),
                w.names(item.facilitators, item.facilitators_text),
            ]
            if with_rooms:
                row.insert(3, w.piece(item.room) if item.room else labels.plenary)
            rows.append(row)
    if len(rows) > 1:
        lines += _table(rows)
    if heading and view.signatory:
        lines += ["", w.piece(view.signatory)]
        if view.signatory_affiliation:
            lines.append(w.piece(view.signatory_affiliation))
    return "\n".join(lines) + "\n"


def group_text(view: GroupView) -> str:
    w = TextWriter(view.lang)
    labels = Labels(view.lang)
    title = w.piece(view.name)
    if view.acronym and view.acronym.text != view.name.text:
        title += f" ({w.piece(view.acronym)})"
    lines = [w.piece(view.network)]
    if view.network_tagline:
        lines.append(w.piece(view.network_tagline))
    lines += ["", title, "=" * max(display_width(title), 3)]
    if view.context:
        lines += ["", f"{labels.context}:", w.piece(view.context)]
    if view.description:
        lines += ["", w.piece(view.description)]
    if view.objectives:
        lines += ["", f"{labels.objectives}:"]
        lines += [f"- {w.piece(o)}" for o in view.objectives]
    if view.membership:
        lines += ["", f"{labels.who_may_join}:", w.piece(view.membership)]
        if view.membership_note:
            lines.append(w.piece(view.membership_note))
    text = "\n".join(lines) + "\n"
    for meeting in view.meetings:
        text += "\n" + meeting_text(meeting)
    return text
