"""Programmes out: plain text, Markdown and HTML, in any language.

>>> from rrma_groups import examples, render
>>> text = render(examples.groupe_pays_maroc().meeting("limoges-2016"), "text", lang="fr")
>>> print(text.splitlines()[0])
Rencontre du Groupe Pays Maroc à Limoges
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import Literal

from ..errors import WrongObjectError
from ..i18n.catalog import N_
from ..i18n.locales import normalize_locale
from ..messages import Msg, listing
from ..model import Agenda, CountryGroup, LocalisedText, Meeting
from .errors import RenderError
from .html import group_html, meeting_html, page
from .markdown import group_markdown, meeting_markdown
from .text import group_text, meeting_text
from .view import MeetingView, group_view, meeting_view

__all__ = ["FORMATS", "RenderError", "RenderFormat", "render"]

RenderFormat = Literal["text", "markdown", "html"]
FORMATS: tuple[str, ...] = ("text", "markdown", "html")


def render(
    obj: CountryGroup | Meeting | Agenda,
    format: RenderFormat = "text",
    lang: str | None = None,
    *,
    group: CountryGroup | None = None,
    meeting: str | None = None,
    fragment: bool = False,
) -> str:
    """Render a group, a meeting or an agenda as ``text``, ``markdown`` or ``html``.

    ``lang`` is any locale (``fr``, ``ar``, ``ar-MA``, ``en``...; default: the group's default
    language, else French). A meeting is best rendered with its ``group``, which names its
    facilitators and organiser; a group renders all its meetings, or only ``meeting`` (an id).
    ``fragment=True`` gives embeddable HTML instead of a whole page.
    """
    return _render(obj, format, lang, group=group, meeting=meeting, fragment=fragment)


def _render(
    obj: CountryGroup | Meeting | Agenda,
    format: RenderFormat,
    lang: str | None,
    *,
    group: CountryGroup | None,
    meeting: str | None,
    fragment: bool,
) -> str:
    if format not in FORMATS:
        raise RenderError("unknown_output_format", value=format, choices=listing(FORMATS))
    if isinstance(obj, CountryGroup):
        group = obj
    elif group is None and isinstance(obj, Meeting):
        linked = obj.group  # taken from a group, or built for one: its names, not its ids
        group = linked if isinstance(linked, CountryGroup) else None
    default = group.default_language if group is not None else "fr"
    language = normalize_locale(lang or default)

    if isinstance(obj, Agenda):
        from ..model import Meeting as _Meeting

        first = min((i.day for i in obj if i.day is not None), default=None)
        # An agenda alone may have no date: lay it out on a stand-in day and leave the Date
        # column empty rather than print a made-up date.
        stand_in = first or dt.date(2000, 1, 1)
        obj = _Meeting(id="agenda", title=LocalisedText("Programme"), date=stand_in, agenda=obj)
        view = meeting_view(obj, language, group)
        if first is None:
            days = tuple(dataclasses.replace(d, date="", long_date="") for d in view.days)
            view = dataclasses.replace(view, days=days)
        return _meeting_out(view, format, fragment, heading=False)
    if isinstance(obj, Meeting):
        view = meeting_view(obj, language, group)
        head = (
            ""
            if fragment or format != "html"
            else _structured_data(obj, language, group, None, [view])
        )
        return _meeting_out(view, format, fragment, heading=True, head=head)
    if isinstance(obj, CountryGroup):
        chosen = None
        if meeting is not None:
            try:
                chosen = [obj.meeting(meeting)]
            except KeyError:
                known = listing(obj.meeting_ids())
                raise RenderError("unknown_meeting", value=meeting, known=known) from None
        gview = group_view(obj, language, chosen)
        if format == "text":
            return group_text(gview)
        if format == "markdown":
            return group_markdown(gview)
        return page(
            group_html(gview),
            lang=language,
            dir=gview.dir,
            title=gview.name.text,
            fragment=fragment,
            head="" if fragment else _structured_data(obj, language, None, meeting, gview.meetings),
        )
    raise WrongObjectError("render", Msg(N_("a CountryGroup, a Meeting or an Agenda")), obj)


def _meeting_out(
    view: MeetingView, format: str, fragment: bool, *, heading: bool, head: str = ""
) -> str:
    if format == "text":
        return meeting_text(view, heading=heading)
    if format == "markdown":
        return meeting_markdown(view)
    return page(
        meeting_html(view),
        lang=view.lang,
        dir=view.dir,
        title=view.title.text,
        fragment=fragment,
        head=head,
    )


def _structured_data(
    obj: CountryGroup | Meeting,
    language: str,
    group: CountryGroup | None,
    meeting: str | None,
    views: Sequence[MeetingView],
) -> str:
    """The page's schema.org data, for search engines and calendars that read web pages."""
    from .jsonld import page_script  # the same data as to_jsonld, only for whole pages

    return page_script(obj, language, group=group, meeting=meeting, views=views)
