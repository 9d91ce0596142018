"""Markdown: headings, lists and the programme as a pipe table.

Cell text is escaped so that a title cannot break the table or inject markup: backslash,
pipe and the inline markup characters get a backslash (CommonMark's escapes), line breaks
become spaces, and ``<``/``>`` become entities. Right-to-left runs are isolated as in plain
text.
"""

from __future__ import annotations

import re

from .common import Labels, TextWriter, comma, programme_columns, when_line
from .view import GroupView, MeetingView, Piece

__all__ = ["escape_markdown", "group_markdown", "meeting_markdown"]

_SPECIAL = re.compile(r"([\\`*_\[\]|#])")


def escape_markdown(text: str) -> str:
    """Text made inert inside Markdown (and a table cell).

    >>> escape_markdown("GPMar | *attentes* <b>")
    'GPMar \\\\| \\\\*attentes\\\\* &lt;b&gt;'
    """
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _SPECIAL.sub(r"\\\1", text)


class _MarkdownWriter(TextWriter):
    def piece(self, piece: Piece | None) -> str:
        return escape_markdown(super().piece(piece))


def meeting_markdown(view: MeetingView, *, level: int = 1) -> str:
    w = _MarkdownWriter(view.lang)
    labels = Labels(view.lang)
    h = "#" * level
    lines = [f"{h} {w.piece(view.title)}", ""]
    where = comma(view.lang).join(w.piece(p) for p in (view.venue, view.city) if p)
    when = escape_markdown(when_line(view, w))
    lines.append(f"**{when}**" + (f" — {where}" if where else ""))
    if view.status.value in ("cancelled", "postponed"):
        word = labels.cancelled if view.status.value == "cancelled" else labels.postponed
        lines += ["", f"**{escape_markdown(word.upper())}**"]
    if view.previous_date:
        lines += ["", escape_markdown(labels.previously.format(date=view.previous_date))]
    if view.online_url:
        lines += ["", f"{escape_markdown(labels.online)}: <{view.online_url}>"]
    if view.description:
        lines += ["", w.piece(view.description)]
    if view.objectives:
        lines += ["", f"{h}# {escape_markdown(labels.meeting_objectives)}", ""]
        lines += [f"- {w.piece(o)}" for o in view.objectives]
    lines += ["", f"{h}# {escape_markdown(labels.programme)}", ""]
    columns = programme_columns(view, labels)
    with_rooms = len(columns) == 6
    lines.append("| " + " | ".join(escape_markdown(c) for c in columns) + " |")
    lines.append("|" + "|".join("---" for _ in columns) + "|")
    venue = w.piece(view.venue)
    for day in view.days:
        for n, item in enumerate(day.items):
            row = [
                escape_markdown(day.date) if n == 0 else "",
                venue if n == 0 else "",
                escape_markdown(w.ltr(item.time)),
                w.piece(item.title),
                escape_markdown(w.names(item.facilitators, item.facilitators_text)),
            ]
            if with_rooms:
                row.insert(3, w.piece(item.room) if item.room else escape_markdown(labels.plenary))
            lines.append("| " + " | ".join(row) + " |")
    if view.signatory:
        signature = w.piece(view.signatory)
        if view.signatory_affiliation:
            signature += f", {w.piece(view.signatory_affiliation)}"
        lines += ["", f"*{signature}*"]
    return "\n".join(lines) + "\n"


def group_markdown(view: GroupView) -> str:
    w = _MarkdownWriter(view.lang)
    labels = Labels(view.lang)
    title = w.piece(view.name)
    if view.acronym and view.acronym.text != view.name.text:
        title += f" ({w.piece(view.acronym)})"
    lines = [f"# {title}", "", f"**{w.piece(view.network)}**"]
    if view.network_tagline:
        lines[-1] += f" — {w.piece(view.network_tagline)}"
    if view.context:
        lines += ["", f"## {escape_markdown(labels.context)}", "", w.piece(view.context)]
    if view.description:
        lines += ["", w.piece(view.description)]
    if view.objectives:
        lines += ["", f"## {escape_markdown(labels.objectives)}", ""]
        lines += [f"- {w.piece(o)}" for o in view.objectives]
    if view.membership:
        lines += ["", f"## {escape_markdown(labels.who_may_join)}", "", w.piece(view.membership)]
        if view.membership_note:
            lines += ["", w.piece(view.membership_note)]
    text = "\n".join(lines) + "\n"
    for meeting in view.meetings:
        text += "\n" + meeting_markdown(meeting, level=2)
    return text
