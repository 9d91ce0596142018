"""Markdown: headings, lists and the programme as a pipe table.

Cell text is escaped so that a title cannot break the table or inject markup: backslash,
pipe and the inline markup characters get a backslash (CommonMark's escapes), line breaks
become spaces, and ``<``/``>`` become entities. Right-to-left runs are isolated as in plain
text.
"""

from __future__ import annotations

import re

from ..i18n.locales import is_rtl
from .common import Labels, TextWriter, comma, join_names, programme_columns, when_line
from .view import CooperationView, GroupView, MeetingView, PartnershipView, Piece, PriorityView

__all__ = ["emphasis", "escape_markdown", "group_markdown", "meeting_markdown"]

_SPECIAL = re.compile(r"([\\`*_\[\]|#])")
_SPACES = re.compile(r"(?:(?![\u00a0\u2007\u202f])\s)+")


def escape_markdown(text: str) -> str:
    """Text made inert inside Markdown (and a table cell).

    >>> escape_markdown("GPMar | *attentes* <b>")
    'GPMar \\\\| \\\\*attentes\\\\* &lt;b&gt;'
    """
    return _escaped(text).strip(" ")


def _escaped(text: str) -> str:
    """Text made inert, its spaces at either end kept (a separator between two names)."""
    # Line breaks and runs of spaces become one space; no-break spaces stay (French writes a
    # narrow one before « : ; ! ? »).
    text = _SPACES.sub(" ", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _SPECIAL.sub(r"\\\1", text)


class _MarkdownWriter(TextWriter):
    def piece(self, piece: Piece | None) -> str:
        return escape_markdown(super().piece(piece))

    def names(self, pieces: tuple[Piece, ...], joined: str) -> str:
        """Names as the language lists them, each escaped (and isolated) once."""
        return join_names(pieces, joined, self.piece, _escaped)


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
        lines += ["", f"{labels.colon(escape_markdown(labels.online))} <{view.online_url}>"]
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
                escape_markdown(w.time(item.time)),
                w.piece(item.title),
                w.names(item.facilitators, item.facilitators_text),
            ]
            if with_rooms:
                row.insert(3, w.piece(item.room) if item.room else escape_markdown(labels.plenary))
            lines.append("| " + " | ".join(row) + " |")
    if view.signatory:
        signature = w.piece(view.signatory)
        if view.signatory_affiliation:
            signature += comma(view.lang) + w.piece(view.signatory_affiliation)
        lines += ["", emphasis(signature, view.lang)]
    return "\n".join(lines) + "\n"


def emphasis(text: str, lang: str) -> str:
    """Markdown text in italics, except in a right-to-left language: Arabic script has no
    italics (a browser would slant it artificially), so it is left upright there."""
    return text if is_rtl(lang) else f"*{text}*"


def _strong(text: str, labels: Labels) -> str:
    """A label in bold, then the colon as the language writes it (escaped text in, Markdown
    out)."""
    return labels.colon(f"**{text}**")


def _partnership(p: PartnershipView, w: _MarkdownWriter, labels: Labels) -> str:
    # One list item, its lines kept apart by CommonMark's hard line break (a backslash).
    status = _strong(escape_markdown(labels.partnership_status), labels)
    lines = [f"**{w.names(p.parties, p.parties_text)}**", escape_markdown(p.kind)]
    lines.append(f"{status} {escape_markdown(p.status)}")
    if p.themes:
        themes = comma(w.lang).join(w.piece(t) for t in p.themes)
        lines.append(f"{_strong(escape_markdown(labels.themes), labels)} {themes}")
    if p.description:
        lines.append(w.piece(p.description))
    return "- " + "\\\n  ".join(lines)


def _priority(p: PriorityView, w: _MarkdownWriter, labels: Labels) -> str:
    if p.description is None:
        return f"- **{w.piece(p.title)}**"
    return f"- {_strong(w.piece(p.title), labels)} {w.piece(p.description)}"


def _cooperation(view: CooperationView, w: _MarkdownWriter, labels: Labels) -> list[str]:
    lines = ["", f"## {w.piece(view.actor)}"]
    if view.since:
        lines += ["", escape_markdown(view.since)]
    if view.partner_areas:
        partners = _strong(escape_markdown(labels.partners), labels)
        lines += ["", f"{partners} {w.piece(view.partner_areas)}"]
    for paragraph in (view.description, view.actor_description):
        if paragraph:
            lines += ["", w.piece(paragraph)]
    if view.priorities:
        lines += ["", f"### {escape_markdown(labels.priorities)}", ""]
        lines += [_priority(p, w, labels) for p in view.priorities]
    if view.partnerships:
        lines += ["", f"### {escape_markdown(labels.partnerships)}", ""]
        lines += [_partnership(p, w, labels) for p in view.partnerships]
    return lines


def group_markdown(view: GroupView) -> str:
    """The group's page: its network, the group, how it works, who may join, the cooperation
    of its territory, then each meeting; a section without data is left out."""
    w = _MarkdownWriter(view.lang)
    labels = Labels(view.lang)
    title = w.piece(view.name)
    if view.acronym and view.acronym.text != view.name.text:
        title += f" ({w.piece(view.acronym)})"
    lines = [f"# {title}", "", f"**{w.piece(view.network)}**"]
    if view.network_tagline:
        lines[-1] += f" — {w.piece(view.network_tagline)}"

    def section(heading: str, paragraphs: list[str]) -> None:
        if paragraphs:
            lines.extend(["", f"## {escape_markdown(heading)}"])
            for paragraph in paragraphs:
                lines.extend(["", paragraph])

    def labelled(name: str, value: str) -> str:
        return f"{_strong(escape_markdown(name), labels)} {value}"

    section(labels.context, [w.piece(view.context)] if view.context else [])
    network = []
    if view.network_mission:
        network.append(labelled(labels.mission, w.piece(view.network_mission)))
    if view.founders:
        network.append(labelled(labels.founders, escape_markdown(view.founders)))
    if view.network_description:
        network.append(w.piece(view.network_description))
    section(labels.network, network)
    section(labels.group, [w.piece(view.description)] if view.description else [])
    if view.objectives:
        section(labels.objectives, ["\n".join(f"- {w.piece(o)}" for o in view.objectives)])
    how = [w.piece(view.working_arrangements)] if view.working_arrangements else []
    if view.offers:
        how.append(labelled(labels.network_offer, escape_markdown(view.offers)))
    section(labels.how_it_works, how)
    if view.membership:
        join = [w.piece(view.membership)]
        if view.network_membership:
            join.append(escape_markdown(view.network_membership))
        if view.membership_note:
            join.append(w.piece(view.membership_note))
        section(labels.who_may_join, join)
    for cooperation in view.cooperations:
        lines += _cooperation(cooperation, w, labels)
    if view.priorities:
        section(labels.priorities, ["\n".join(_priority(p, w, labels) for p in view.priorities)])
    if view.partnerships:
        items = "\n".join(_partnership(p, w, labels) for p in view.partnerships)
        section(labels.partnerships, [items])
    text = "\n".join(lines) + "\n"
    for meeting in view.meetings:
        text += "\n" + meeting_markdown(meeting, level=2)
    return text
