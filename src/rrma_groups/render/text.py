"""Plain text: the programme as a terminal table, like the printed seed.

In a right-to-left language the logical order is kept (first column first) and runs are wrapped
in Unicode isolates: times in RLI…PDI (a range reads from right to left, its start first),
Latin names in FSI…PDI, so a bidi-aware terminal or editor shows them in the right order.
"""

from __future__ import annotations

from .common import (
    Labels,
    TextWriter,
    comma,
    display_width,
    programme_columns,
    when_line,
    where_and_status,
)
from .view import CooperationView, GroupView, MeetingView, PartnershipView, PriorityView

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
        lines += where_and_status(view, w, labels)
        if view.description:
            lines += ["", w.piece(view.description)]
        if view.objectives:
            lines += ["", labels.colon(labels.meeting_objectives)]
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
                w.time(item.time),
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


def _indented(text: str) -> str:
    """Lines after the first of a list item, indented under it."""
    return "\n".join(f"  {line}" if line else line for line in text.split("\n"))


def _partnership(p: PartnershipView, w: TextWriter, labels: Labels) -> list[str]:
    lines = [f"- {w.names(p.parties, p.parties_text)}", f"  {p.kind}"]
    lines.append(f"  {labels.colon(labels.partnership_status)} {p.status}")
    if p.themes:
        themes = comma(w.lang).join(w.piece(t) for t in p.themes)
        lines.append(f"  {labels.colon(labels.themes)} {themes}")
    if p.description:
        lines.append(_indented(w.piece(p.description)))
    return lines


def _priority(p: PriorityView, w: TextWriter, labels: Labels) -> str:
    if p.description is None:
        return f"- {w.piece(p.title)}"
    return f"- {labels.colon(w.piece(p.title))} {_indented(w.piece(p.description)).lstrip()}"


def _cooperation(view: CooperationView, w: TextWriter, labels: Labels) -> list[str]:
    name = w.piece(view.actor)
    lines = ["", name, "-" * max(display_width(name), 3)]
    if view.since:
        lines.append(view.since)
    if view.partner_areas:
        lines.append(f"{labels.colon(labels.partners)} {w.piece(view.partner_areas)}")
    lines += [w.piece(p) for p in (view.description, view.actor_description) if p]
    if view.priorities:
        lines += ["", labels.colon(labels.priorities)]
        lines += [_priority(p, w, labels) for p in view.priorities]
    if view.partnerships:
        lines += ["", labels.colon(labels.partnerships)]
        for partnership in view.partnerships:
            lines += _partnership(partnership, w, labels)
    return lines


def group_text(view: GroupView) -> str:
    """The group's page: its network, the group, how it works, who may join, the cooperation
    of its territory, then each meeting; a section without data is left out."""
    w = TextWriter(view.lang)
    labels = Labels(view.lang)
    title = w.piece(view.name)
    if view.acronym and view.acronym.text != view.name.text:
        title += f" ({w.piece(view.acronym)})"
    lines = [w.piece(view.network)]
    if view.network_tagline:
        lines.append(w.piece(view.network_tagline))
    lines += ["", title, "=" * max(display_width(title), 3)]

    def section(heading: str, body: list[str]) -> None:
        if body:
            lines.extend(["", labels.colon(heading), *body])

    section(labels.context, [w.piece(view.context)] if view.context else [])
    network = []
    if view.network_mission:
        network.append(f"{labels.colon(labels.mission)} {w.piece(view.network_mission)}")
    if view.founders:
        network.append(f"{labels.colon(labels.founders)} {view.founders}")
    if view.network_description:
        network.append(w.piece(view.network_description))
    section(labels.network, network)
    section(labels.group, [w.piece(view.description)] if view.description else [])
    section(labels.objectives, [f"- {w.piece(o)}" for o in view.objectives])
    how = [w.piece(view.working_arrangements)] if view.working_arrangements else []
    if view.offers:
        how.append(f"{labels.colon(labels.network_offer)} {view.offers}")
    section(labels.how_it_works, how)
    if view.membership:
        join = [w.piece(view.membership)]
        if view.network_membership:
            join.append(view.network_membership)
        if view.membership_note:
            join.append(w.piece(view.membership_note))
        section(labels.who_may_join, join)
    for cooperation in view.cooperations:
        lines += _cooperation(cooperation, w, labels)
    section(labels.priorities, [_priority(p, w, labels) for p in view.priorities])
    partnerships: list[str] = []
    for partnership in view.partnerships:
        partnerships += _partnership(partnership, w, labels)
    section(labels.partnerships, partnerships)
    text = "\n".join(lines) + "\n"
    for meeting in view.meetings:
        text += "\n" + meeting_text(meeting)
    return text
