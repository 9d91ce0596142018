"""HTML: a standalone, printable page (or a fragment to embed), in either direction.

Every piece of user text is escaped. The page carries ``lang`` and ``dir``; in a right-to-left
page the table mirrors itself (first column on the right) because CSS uses logical
properties only, times sit in ``<bdi>`` of the page's direction (in Arabic a range reads right to
left: its start, on the right, is met first, as in "من 14:00 إلى 17:30"), and text
in another language than the page's (a French fallback title, a Latin name) is wrapped in
``<bdi lang="…">``. Parallel sessions of a day are shown side by side, one column per room.
No script, no external resource: the page works offline and prints on A4.
"""

from __future__ import annotations

import re
from html import escape

from ..i18n.bidi import balance_isolates, first_strong_direction
from ..i18n.formatting import format_time_range
from ..i18n.locales import direction, to_bcp47
from .common import Labels, comma, join_names, needs_isolation
from .view import (
    CooperationView,
    DayView,
    GroupView,
    ItemView,
    MeetingView,
    PartnershipView,
    Piece,
    PriorityView,
)

__all__ = ["STYLE", "group_html", "meeting_html", "page"]

# Two or more words in Latin letters: a name inside Arabic text.
_LATIN_NAME = re.compile(
    r"(?<!\w)[A-Za-z\u00c0-\u024f][\w.’'&-]*(?: [A-Za-z\u00c0-\u024f][\w.’'&-]*)+"
)


def _names_kept_whole(text: str) -> str:
    """Arabic text, escaped, its names in Latin letters ("تقديم شبكة Cap Coopération") in a
    span that is never split across lines: the two halves of a name would change places."""
    out = []
    last = 0
    for match in _LATIN_NAME.finditer(text):
        out += [escape(text[last : match.start()]), f'<span class="name">{escape(match[0])}</span>']
        last = match.end()
    return "".join(out) + escape(text[last:])


STYLE = """
.rrma-programme{--ink:#1d2430;--muted:#5b6574;--line:#d5dae1;--accent:#0b5c7a;--soft:#eef4f7;
 font-family:"Noto Sans","Noto Naskh Arabic","Segoe UI",Tahoma,"DejaVu Sans",Arial,sans-serif;
 color:var(--ink);line-height:1.5;max-width:60rem;margin:0 auto;padding:1.5rem}
.rrma-programme[dir=rtl]{font-family:"Noto Naskh Arabic","Noto Sans Arabic","Amiri","Noto Sans",
 "Segoe UI",Tahoma,"DejaVu Sans",Arial,sans-serif;line-height:1.7}
.rrma-programme h1,.rrma-programme h2,.rrma-programme h3{color:var(--accent);line-height:1.25;
 margin:1.2em 0 .4em}
.rrma-programme h1{font-size:1.6rem}.rrma-programme h2{font-size:1.3rem}
.rrma-programme h3{font-size:1.1rem}
.rrma-programme .network{margin:0;font-size:1.15rem;font-weight:700;letter-spacing:.02em;
 text-transform:uppercase;color:var(--ink)}
.rrma-programme .tagline{margin:0;font-weight:600;color:var(--muted)}
.rrma-programme .when{font-weight:600;margin:.2em 0}
.rrma-programme .when bdi{white-space:nowrap}
.rrma-programme .where{margin:.2em 0;color:var(--muted)}
.rrma-programme .status{display:inline-block;padding:.1em .6em;border-radius:.3em;
 background:#fde8e8;color:#8a1c1c;font-weight:700}
.rrma-programme ul{padding-inline-start:1.4em;margin:.3em 0}
.rrma-programme table.programme{width:100%;border-collapse:collapse;margin:.8em 0;
 font-size:.95rem}
.rrma-programme table.programme th,.rrma-programme table.programme td{border:1px solid var(--line);
 padding:.35em .55em;text-align:start;vertical-align:top;overflow-wrap:anywhere}
.rrma-programme table.programme thead th{background:var(--soft)}
.rrma-programme table.directory th,.rrma-programme table.directory td{overflow-wrap:break-word}
.rrma-programme table.programme th.venue{width:17%}
.rrma-programme table.programme th.activity{width:36%}
.rrma-programme table.programme th.facilitator{width:22%}
.rrma-programme[dir=rtl] td.facilitator bdi,.rrma-programme[dir=rtl] .signature bdi,
 .rrma-programme[dir=rtl] .network bdi,.rrma-programme .name{white-space:nowrap}
.rrma-programme td.time,.rrma-programme td.date{white-space:nowrap;
 font-variant-numeric:tabular-nums}
.rrma-programme td.date,.rrma-programme td.venue{background:#fafbfc}
.rrma-programme .kind-break td,.rrma-programme .kind-meal td,.rrma-programme .kind-social td{
 color:var(--muted)}
.rrma-programme .kind-break td:not(:lang(ar)),.rrma-programme .kind-meal td:not(:lang(ar)),
 .rrma-programme .kind-social td:not(:lang(ar)){font-style:italic}
.rrma-programme .parallel{display:flex;flex-wrap:wrap;gap:.5em}
.rrma-programme .parallel section{flex:1 1 12rem;border:1px solid var(--line);border-radius:.3em;
 padding:.3em .5em;background:#fff}
.rrma-programme .parallel h4{margin:0 0 .2em;font-size:.9rem;color:var(--accent)}
.rrma-programme .parallel ol{list-style:none;margin:0;padding:0}
.rrma-programme .parallel li{margin:.2em 0}
.rrma-programme .parallel .time{font-variant-numeric:tabular-nums;color:var(--muted);
 white-space:nowrap}
.rrma-programme .facilitators{color:var(--muted)}
.rrma-programme .signature{margin-top:1.5em;text-align:end}
.rrma-programme .signature:not(:lang(ar)){font-style:italic}
.rrma-programme .signature:lang(ar){font-weight:600;color:var(--accent)}
.rrma-programme ul.partnerships li{margin:.3em 0}
@media (max-width:40rem){.rrma-programme{padding:.6rem}
 .rrma-programme table.programme{font-size:.9rem}
 .rrma-programme table.programme thead,.rrma-programme td.venue{display:none}
 .rrma-programme table.programme,.rrma-programme table.programme tbody{display:block}
 .rrma-programme table.programme tr{display:grid;grid-template-columns:auto minmax(0,1fr);
 column-gap:.7em;border-bottom:1px solid var(--line);padding:.4em 0}
 .rrma-programme table.programme td{border:0;padding:0}
 .rrma-programme td.date{grid-column:1/-1;font-weight:700;color:var(--accent);background:none;
 padding-bottom:.2em}
 .rrma-programme td.activity,.rrma-programme td.facilitator,.rrma-programme td.parallel-cell{
 grid-column:2}
 .rrma-programme td.facilitator{color:var(--muted)}
 .rrma-programme td.facilitator:empty{display:none}}
@media print{@page{size:A4;margin:12mm}
 .rrma-programme{max-width:none;padding:0;font-size:10.5pt;line-height:1.4}
 .rrma-programme[dir=rtl]{line-height:1.6}
 .rrma-programme h1{font-size:16pt;margin-top:0}.rrma-programme h2{font-size:13pt}
 .rrma-programme table.programme th,.rrma-programme table.programme td{padding:.25em .5em}
 .rrma-programme table.programme tr{break-inside:avoid}
 .rrma-programme .group~.meeting{break-before:page}
 .rrma-programme table.programme thead{display:table-header-group}
 .rrma-programme a{color:inherit;text-decoration:none}}
""".strip()


class _Html:
    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.dir = direction(lang)
        self.labels = Labels(lang)

    def piece(self, piece: Piece | None) -> str:
        if piece is None:
            return ""
        foreign = self.foreign(piece)
        if self.dir == "rtl" and not foreign and first_strong_direction(piece.text) == "rtl":
            text = _names_kept_whole(piece.text)
        else:
            text = escape(piece.text)
        if foreign or needs_isolation(piece, self.lang):
            lang = f' lang="{escape(to_bcp47(piece.lang))}"' if foreign and piece.lang else ""
            return f"<bdi{lang}>{text}</bdi>"
        return text

    def foreign(self, piece: Piece) -> bool:
        """Whether a piece is in another language than the page (ar in ar_MA is not)."""
        return piece.lang is not None and piece.lang.split("_")[0] != self.lang.split("_")[0]

    def paragraph(self, piece: Piece | None, css: str = "") -> str:
        if piece is None:
            return ""
        attrs = f' class="{css}"' if css else ""
        if self.foreign(piece) and piece.lang:
            attrs += f' lang="{escape(to_bcp47(piece.lang))}" dir="auto"'
        body = "<br>".join(escape(line) for line in piece.text.splitlines())
        return f"<p{attrs}>{body}</p>"

    def block(self, piece: Piece) -> str:
        """A piece of several lines inside a paragraph or a list item, its lines kept."""
        return self.piece(piece).replace("\n", "<br>")

    def colon(self, html: str) -> str:
        """Markup followed by the colon as the language writes it ("…\u202f:" in French)."""
        return escape(self.labels.colon("\x00")).replace("\x00", html)

    def ltr(self, text: str) -> str:
        return f'<bdi dir="ltr">{escape(text)}</bdi>'

    def time(self, text: str) -> str:
        """A time or a range of times, laid out in the page's direction: in Arabic the start
        of a range is on the right, read first (see :mod:`rrma_groups.i18n.bidi`)."""
        return f'<bdi dir="{self.dir}">{escape(text)}</bdi>'

    def names(self, item: ItemView) -> str:
        if not item.facilitators:
            return ""
        return join_names(item.facilitators, item.facilitators_text, self.piece, escape)

    def objectives(self, heading: str, items: tuple[Piece, ...], level: int) -> list[str]:
        if not items:
            return []
        out = [f"<h{level}>{escape(heading)}</h{level}>", "<ul>"]
        out += [f"<li>{self.piece(o)}</li>" for o in items]
        out.append("</ul>")
        return out


def _blocks(day: DayView) -> list[list[ItemView]]:
    """Split a day into runs: a plenary item alone, or consecutive parallel items together."""
    blocks: list[list[ItemView]] = []
    for item in day.items:
        parallel = item.room is not None or item.track is not None
        if parallel and blocks and (blocks[-1][0].room is not None or blocks[-1][0].track):
            blocks[-1].append(item)
        else:
            blocks.append([item])
    return blocks


def _programme(view: MeetingView, h: _Html) -> list[str]:
    labels = h.labels
    out = [
        '<table class="programme">',
        "<thead><tr>"
        f'<th scope="col" class="date">{escape(labels.date)}</th>'
        f'<th scope="col" class="venue">{escape(labels.venue)}</th>'
        f'<th scope="col" class="time">{escape(labels.time)}</th>'
        f'<th scope="col" class="activity">{escape(labels.activity)}</th>'
        f'<th scope="col" class="facilitator">{escape(labels.facilitator)}</th>'
        "</tr></thead>",
        "<tbody>",
    ]
    venue = h.piece(view.venue)
    for day in view.days:
        blocks = _blocks(day)
        for n, block in enumerate(blocks):
            first = block[0]
            cells = []
            if n == 0:
                span = f' rowspan="{len(blocks)}"' if len(blocks) > 1 else ""
                cells.append(
                    f'<td class="date"{span}><time datetime="{day.day.isoformat()}">'
                    f"{escape(day.date)}</time></td>"
                )
                cells.append(f'<td class="venue"{span}>{venue}</td>')
            if len(block) == 1 and first.room is None and first.track is None:
                cells.append(f'<td class="time">{h.time(first.time)}</td>')
                cells.append(f'<td class="activity">{h.piece(first.title)}</td>')
                cells.append(f'<td class="facilitator">{h.names(first)}</td>')
                out.append(f'<tr class="kind-{first.kind.value}">' + "".join(cells) + "</tr>")
                continue
            start = min(i.start for i in block)
            ends = [i.end for i in block if i.end is not None]
            span_time = format_time_range(start, max(ends), view.lang, "programme") if ends else ""
            cells.append(f'<td class="time">{h.time(span_time)}</td>')
            cells.append(f'<td class="parallel-cell" colspan="2">{_parallel(block, h)}</td>')
            out.append('<tr class="parallel-row">' + "".join(cells) + "</tr>")
    out += ["</tbody>", "</table>"]
    return out


def _parallel(block: list[ItemView], h: _Html) -> str:
    lanes: dict[str, list[ItemView]] = {}
    names: dict[str, str] = {}
    for item in block:
        key = item.room.text if item.room is not None else (item.track or "")
        lanes.setdefault(key, []).append(item)
        if key not in names:
            names[key] = h.piece(item.room) if item.room is not None else escape(item.track or "")
    parts = ['<div class="parallel">']
    for key, items in lanes.items():
        parts.append(f"<section><h4>{names[key]}</h4><ol>")
        for item in items:
            who = h.names(item)
            parts.append(
                f'<li><span class="time">{h.time(item.time)}</span> {h.piece(item.title)}'
                + (f' <span class="facilitators">— {who}</span>' if who else "")
                + "</li>"
            )
        parts.append("</ol></section>")
    parts.append("</div>")
    return "".join(parts)


def meeting_html(view: MeetingView, *, level: int = 1) -> str:
    """The meeting's section: title, when and where, objectives, programme, signature."""
    h = _Html(view.lang)
    labels = h.labels
    out = [f'<section class="meeting" id="meeting-{escape(view.id)}">']
    out.append(f"<h{level}>{h.piece(view.title)}</h{level}>")
    if view.status.value in ("cancelled", "postponed"):
        word = labels.cancelled if view.status.value == "cancelled" else labels.postponed
        out.append(f'<p><span class="status">{escape(word)}</span></p>')
    when = escape(view.dates)
    if view.times is not None:
        when += escape(comma(view.lang)) + h.time(view.times)
    out.append(f'<p class="when">{when}</p>')
    if view.previous_date:
        out.append(f"<p>{escape(labels.previously.format(date=view.previous_date))}</p>")
    where = comma(view.lang).join(h.piece(p) for p in (view.venue, view.city) if p)
    if where:
        out.append(f'<p class="where">{where}</p>')
    if view.online_url:
        url = escape(view.online_url)
        online = h.colon(escape(labels.online))
        out.append(f'<p>{online} <a href="{url}">{h.ltr(view.online_url)}</a></p>')
    if view.description:
        out.append(h.paragraph(view.description))
    out += h.objectives(labels.meeting_objectives, view.objectives, level + 1)
    if any(day.items for day in view.days):
        out.append(f"<h{level + 1}>{escape(labels.programme)}</h{level + 1}>")
        out += _programme(view, h)
    if view.signatory:
        signature = h.piece(view.signatory)
        if view.signatory_affiliation:
            signature += "<br>" + h.piece(view.signatory_affiliation)
        out.append(f'<p class="signature">{signature}</p>')
    out.append("</section>")
    return "\n".join(out)


def _partnership(p: PartnershipView, h: _Html) -> str:
    parties = join_names(p.parties, p.parties_text, h.piece, escape)
    lines = [f"<strong>{parties}</strong>", escape(p.kind)]
    lines.append(f"{h.colon(escape(h.labels.partnership_status))} {escape(p.status)}")
    if p.themes:
        themes = escape(comma(h.lang)).join(h.piece(t) for t in p.themes)
        lines.append(f"{h.colon(escape(h.labels.themes))} {themes}")
    if p.description:
        lines.append(h.block(p.description))
    return "<li>" + "<br>".join(lines) + "</li>"


def _partnerships(items: tuple[PartnershipView, ...], h: _Html, level: int) -> list[str]:
    if not items:
        return []
    out = [f"<h{level}>{escape(h.labels.partnerships)}</h{level}>", '<ul class="partnerships">']
    out += [_partnership(p, h) for p in items]
    return [*out, "</ul>"]


def _priorities(items: tuple[PriorityView, ...], h: _Html, level: int) -> list[str]:
    if not items:
        return []
    out = [f"<h{level}>{escape(h.labels.priorities)}</h{level}>", '<ul class="priorities">']
    for p in items:
        title = f"<strong>{h.piece(p.title)}</strong>"
        if p.description is None:
            out.append(f"<li>{title}</li>")
        else:
            out.append(f"<li>{h.colon(title)} {h.block(p.description)}</li>")
    return [*out, "</ul>"]


def _cooperation(view: CooperationView, h: _Html) -> list[str]:
    out = ['<section class="cooperation">', f"<h2>{h.piece(view.actor)}</h2>"]
    if view.since:
        out.append(f'<p class="since">{escape(view.since)}</p>')
    if view.partner_areas:
        partners = h.colon(f"<strong>{escape(h.labels.partners)}</strong>")
        out.append(f"<p>{partners} {h.piece(view.partner_areas)}</p>")
    out += [h.paragraph(p) for p in (view.description, view.actor_description) if p]
    out += _priorities(view.priorities, h, 3)
    out += _partnerships(view.partnerships, h, 3)
    out.append("</section>")
    return out


def group_html(view: GroupView) -> str:
    """The group's page body: network, group, objectives, how it works, who may join, the
    cooperation of its territory, then each meeting; a section without data is left out."""
    h = _Html(view.lang)
    labels = h.labels
    # As the 2016 document opens: the network, its tagline under it, then the group.
    out = ['<header class="group">', f'<p class="network">{h.piece(view.network)}</p>']
    if view.network_tagline:
        out.append(f'<p class="tagline">{h.piece(view.network_tagline)}</p>')
    title = h.piece(view.name)
    if view.acronym and view.acronym.text != view.name.text:
        title += f" ({h.piece(view.acronym)})"
    out.append(f"<h1>{title}</h1>")
    out.append("</header>")

    def section(heading: str, body: list[str]) -> None:
        if body:
            out.extend([f"<h2>{escape(heading)}</h2>", *body])

    def labelled(name: str, value: str) -> str:
        return f"<p>{h.colon(f'<strong>{escape(name)}</strong>')} {value}</p>"

    section(labels.context, [h.paragraph(view.context)] if view.context else [])
    network_body = []
    if view.network_mission:
        network_body.append(labelled(labels.mission, h.block(view.network_mission)))
    if view.founders:
        network_body.append(labelled(labels.founders, escape(view.founders)))
    if view.network_description:
        network_body.append(h.paragraph(view.network_description))
    section(labels.network, network_body)
    section(labels.group, [h.paragraph(view.description)] if view.description else [])
    out += h.objectives(labels.objectives, view.objectives, 2)
    how = [h.paragraph(view.working_arrangements)] if view.working_arrangements else []
    if view.offers:
        how.append(labelled(labels.network_offer, escape(view.offers)))
    section(labels.how_it_works, how)
    if view.membership:
        join = [h.paragraph(view.membership)]
        if view.network_membership:
            join.append(f"<p>{escape(view.network_membership)}</p>")
        if view.membership_note:
            join.append(h.paragraph(view.membership_note))
        section(labels.who_may_join, join)
    for cooperation in view.cooperations:
        out += _cooperation(cooperation, h)
    out += _priorities(view.priorities, h, 2)
    out += _partnerships(view.partnerships, h, 2)
    out += [meeting_html(m, level=2) for m in view.meetings]
    return "\n".join(out)


def page(
    body: str, *, lang: str, dir: str, title: str, fragment: bool = False, head: str = ""
) -> str:
    """Wrap a body in a standalone page, or in a self-contained fragment with its own style.

    ``head`` is put in the page's ``<head>`` as it is (the page's JSON-LD ``<script>``)."""
    bcp = escape(to_bcp47(lang))
    if fragment:
        return (
            f'<div class="rrma-programme" lang="{bcp}" dir="{dir}">\n'
            f"<style>{STYLE}</style>\n{body}\n</div>\n"
        )
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{bcp}" dir="{dir}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(balance_isolates(title))}</title>\n<style>\n{STYLE}\n</style>\n"
        + (f"{head}\n" if head else "")
        + "</head>\n"
        f'<body>\n<main class="rrma-programme" lang="{bcp}" dir="{dir}">\n{body}\n</main>\n'
        "</body>\n</html>\n"
    )
