"""Synergy proposals written out: text, Markdown or HTML, in any language.

>>> from rrma_groups.activity.synergies import find_synergies
>>> from rrma_groups.examples import groupe_pays_maroc
>>> group = groupe_pays_maroc()
>>> print(render_synergies(group, find_synergies(group), "text", "en").splitlines()[3])
1. 4 actors work on Training in the Marrakesh-Safi region
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from ..activity.directory import fictional_mark, sort_key
from ..activity.synergies import Proposal, isolated
from ..errors import RrmaError
from ..i18n.bidi import balance_isolates
from ..i18n.catalog import N_, translator
from ..i18n.formatting import format_list
from ..i18n.locales import direction, normalize_locale
from ..messages import listing
from ..model import CountryGroup
from .formats import SYNERGY_FORMATS
from .html import page
from .labels import label
from .markdown import escape_markdown

__all__ = ["SYNERGY_FORMATS", "SynergyError", "render_synergies"]


_TITLE = N_("Synergies")
# TRANSLATORS: before the list of actors a synergy proposal suggests should meet.
_WHO = N_("Who should meet")
_PROJECTS = N_("Projects")
_NONE = N_(
    "No synergy found: no two actors work on the same theme in the same place or with "
    "the same local partner."
)


class SynergyError(RrmaError, ValueError):
    """A synergy report that cannot be written (an unknown format)."""

    code = "render_error"


def render_synergies(
    group: CountryGroup,
    proposals: Iterable[Proposal],
    format: str = "text",
    lang: str | None = None,
    *,
    fragment: bool = False,
) -> str:
    """Proposals as ``text``, ``markdown`` or ``html``, in ``lang`` (default: the group's)."""
    if format not in SYNERGY_FORMATS:
        raise SynergyError("unknown_output_format", value=format, choices=listing(SYNERGY_FORMATS))
    language = normalize_locale(lang or group.default_language)
    default = group.default_language
    _ = translator(language).gettext
    title = f"{_(_TITLE)} — {balance_isolates(group.name.get(language, default))}"
    mark = fictional_mark(language)
    names = {
        a.id: isolated(a.name.get(language, default), language)
        + (f" {isolated(mark, language)}" if a.fictional else "")
        for a in (group.network, *group.actors)
    }
    titles = {
        p.id: isolated(p.title.get(language, default), language)
        + (f" {isolated(mark, language)}" if p.fictional else "")
        for p in group.projects
    }
    blocks = []
    for proposal in proposals:
        people = sorted((names.get(a, a) for a in proposal.actors), key=sort_key)
        blocks.append(
            (
                [r.message(language, default) for r in proposal.reasons],
                format_list(people, language),
                [titles.get(p, p) for p in proposal.projects],
            )
        )
    separator = "، " if direction(language) == "rtl" else ", "
    # A label and its colon as the language writes them ("Projets\u202f:" in French).
    colon = label("with_colon", language)

    def strong_colon(text: str) -> str:
        return escape(colon.format(label="\x00")).replace(
            "\x00", f"<strong>{escape(text)}</strong>"
        )

    if format == "text":
        lines = [title, "=" * len(title), ""]
        if not blocks:
            lines.append(_(_NONE))
        for n, (reasons, who, projects) in enumerate(blocks, 1):
            lines.append(f"{n}. {reasons[0]}")
            lines += [f"   {r}" for r in reasons[1:]]
            lines.append(f"   {colon.format(label=_(_WHO))} {who}")
            if projects:
                lines.append(f"   {colon.format(label=_(_PROJECTS))} {separator.join(projects)}")
            lines.append("")
        return "\n".join(lines).rstrip("\n") + "\n"
    if format == "markdown":
        lines = [f"# {escape_markdown(title)}", ""]
        if not blocks:
            lines.append(escape_markdown(_(_NONE)))
        for n, (reasons, who, projects) in enumerate(blocks, 1):
            lines += [f"## {n}. {escape_markdown(reasons[0])}", ""]
            lines += [f"- {escape_markdown(r)}" for r in reasons[1:]]
            strong = colon.format(label=f"**{escape_markdown(_(_WHO))}**")
            lines.append(f"- {strong} {escape_markdown(who)}")
            if projects:
                joined = escape_markdown(separator.join(projects))
                strong = colon.format(label=f"**{escape_markdown(_(_PROJECTS))}**")
                lines.append(f"- {strong} {joined}")
            lines.append("")
        return "\n".join(lines).rstrip("\n") + "\n"
    out = [f"<h1>{escape(title)}</h1>"]
    if not blocks:
        out.append(f"<p>{escape(_(_NONE))}</p>")
    for reasons, who, projects in blocks:
        out.append('<section class="synergy">')
        out.append(f"<h2>{escape(reasons[0])}</h2>")
        out += [f"<p>{escape(r)}</p>" for r in reasons[1:]]
        out.append(f"<p>{strong_colon(_(_WHO))} {escape(who)}</p>")
        if projects:
            out.append(f"<p>{strong_colon(_(_PROJECTS))}</p>")
            out.append("<ul>" + "".join(f"<li>{escape(p)}</li>" for p in projects) + "</ul>")
        out.append("</section>")
    return page(
        "\n".join(out), lang=language, dir=direction(language), title=title, fragment=fragment
    )
